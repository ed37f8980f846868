import { useCallback, useEffect, useState } from "react";
import { api, fallbackConfig } from "../lib/api";
import { ApiError } from "../lib/api-error";
import type { AppConfig, AuthStatus, Metadata } from "../lib/api-schemas";
import { startErrorReporting } from "../lib/error-reporting";

export function useConfig(): AppConfig | undefined {
  const [config, setConfig] = useState<AppConfig>();
  useEffect(() => {
    let live = true;
    api
      .config()
      .then((c) => {
        void startErrorReporting(c);
        if (live) setConfig(c);
      })
      .catch(() => live && setConfig(fallbackConfig(window.location.origin)));
    return () => {
      live = false;
    };
  }, []);
  return config;
}

export interface AuthState {
  status: AuthStatus | undefined;
  refresh: () => Promise<void>;
  setSignedOut: () => void;
}

export function useAuth(): AuthState {
  const [status, setStatus] = useState<AuthStatus>();
  const refresh = useCallback(async () => {
    try {
      setStatus(await api.authStatus());
    } catch {
      setStatus({ authenticated: false });
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const setSignedOut = useCallback(() => setStatus({ authenticated: false }), []);
  return { status, refresh, setSignedOut };
}

export type MetadataState =
  | { state: "idle" | "loading" }
  | { state: "ready"; metadata: Metadata }
  | { state: "error"; message: string; retry: () => void };

/** Loads tried before the error shows: a single 429 or 502 must not leave the chat without its tools. */
export const metadataAttempts = 4;
const firstRetryMs = 1_000;
/** A longer Retry-After than this shows the error (and its Retry button) rather than a silent wait. */
export const maxMetadataRetryMs = 30_000;

/** How long to wait before trying again after `error`, or undefined when trying again cannot help. */
export function metadataRetryDelayMs(error: unknown, failedAttempts: number): number | undefined {
  if (failedAttempts >= metadataAttempts) return undefined;
  if (error instanceof ApiError) {
    if (error.status !== 408 && error.status !== 429 && error.status < 500) return undefined;
    if (error.retryAfterSeconds !== undefined) {
      const wait = error.retryAfterSeconds * 1000;
      return wait <= maxMetadataRetryMs ? wait : undefined;
    }
  } else if (!(error instanceof TypeError)) {
    // Not a network failure (fetch throws TypeError) but e.g. a response that failed validation: it would fail again.
    return undefined;
  }
  return firstRetryMs * 2 ** (failedAttempts - 1);
}

/**
 * The signed-in user's tools and prompts. Transient failures are retried with backoff; when the
 * attempts run out the error carries a `retry` for the user. `userId` changing (a sign-in as someone
 * else) loads the list again.
 */
export function useMetadata(userId: string | undefined): MetadataState {
  const [result, setResult] = useState<MetadataState>({ state: "idle" });
  const [reloads, setReloads] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads is the Retry button's signal to load again
  useEffect(() => {
    if (userId === undefined) {
      setResult({ state: "idle" });
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const retry = () => setReloads((n) => n + 1);
    const load = (attempt: number) => {
      api.metadata().then(
        (metadata) => live && setResult({ state: "ready", metadata }),
        (e: unknown) => {
          if (!live) return;
          const wait = metadataRetryDelayMs(e, attempt);
          if (wait === undefined) setResult({ state: "error", message: e instanceof Error ? e.message : String(e), retry });
          else timer = setTimeout(() => load(attempt + 1), wait);
        },
      );
    };
    setResult({ state: "loading" });
    load(1);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [userId, reloads]);
  return result;
}
