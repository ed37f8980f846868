import { useCallback, useEffect, useState } from "react";
import { api, fallbackConfig } from "../lib/api";
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

export type MetadataState = { state: "idle" | "loading" } | { state: "ready"; metadata: Metadata } | { state: "error"; message: string };

export function useMetadata(signedIn: boolean): MetadataState {
  const [result, setResult] = useState<MetadataState>({ state: "idle" });
  useEffect(() => {
    if (!signedIn) {
      setResult({ state: "idle" });
      return;
    }
    let live = true;
    setResult({ state: "loading" });
    api
      .metadata()
      .then((metadata) => live && setResult({ state: "ready", metadata }))
      .catch((e: unknown) => live && setResult({ state: "error", message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [signedIn]);
  return result;
}
