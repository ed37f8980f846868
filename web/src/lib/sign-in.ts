const POPUP_TIMEOUT_MS = 3 * 60_000;

export type SignInResult = { ok: true } | { ok: false; error: string };

function currentPath(): string {
  return window.location.pathname + window.location.search;
}

export function pageSignIn(returnTo: string = currentPath()): void {
  window.location.assign(`/api/auth/login?mode=page&returnTo=${encodeURIComponent(returnTo)}`);
}

interface AuthMessage {
  type: "sentry-mcp-auth";
  ok: boolean;
  error?: string;
}

function isAuthMessage(data: unknown): data is AuthMessage {
  return typeof data === "object" && data !== null && (data as { type?: unknown }).type === "sentry-mcp-auth";
}

/**
 * Signs in through a popup so the conversation on this page stays as it is; falls back to a full-page
 * redirect when the browser blocks popups.
 */
export function popupSignIn(): Promise<SignInResult> {
  const width = 520;
  const height = 720;
  const left = window.screenX + Math.max(0, (window.outerWidth - width) / 2);
  const top = window.screenY + Math.max(0, (window.outerHeight - height) / 2);
  const popup = window.open(
    `/api/auth/login?mode=popup&returnTo=${encodeURIComponent(currentPath())}`,
    "sentry-mcp-sign-in",
    `popup,width=${width},height=${height},left=${left},top=${top}`,
  );
  if (!popup) {
    pageSignIn();
    return new Promise(() => undefined);
  }
  return new Promise((resolve) => {
    const finish = (result: SignInResult) => {
      window.removeEventListener("message", onMessage);
      window.clearTimeout(timeout);
      window.clearInterval(closedPoll);
      resolve(result);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || !isAuthMessage(event.data)) return;
      finish(event.data.ok ? { ok: true } : { ok: false, error: event.data.error ?? "sign_in_failed" });
    };
    const timeout = window.setTimeout(() => {
      popup.close();
      finish({ ok: false, error: "timeout" });
    }, POPUP_TIMEOUT_MS);
    // A closed popup without a message means the user gave up; give a late message a moment to arrive.
    const closedPoll = window.setInterval(() => {
      if (popup.closed) window.setTimeout(() => finish({ ok: false, error: "closed" }), 500);
    }, 500);
    window.addEventListener("message", onMessage);
  });
}
