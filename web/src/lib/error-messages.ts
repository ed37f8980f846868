import { ApiError, parseProblem } from "./api-error";

export type ErrorAction = "sign-in" | "retry" | "none";

export interface ChatErrorView {
  code: string;
  title: string;
  message: string;
  action: ErrorAction;
  /** Seconds until a retry makes sense (rate limits). */
  retryAfterSeconds?: number;
}

/** Normalises whatever useChat or a fetch threw into the code the host sent (ProblemDetails or stream `errorText`). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const problem = parseProblem(message);
  if (problem) return new ApiError(problem.status ?? 500, problem);
  return new ApiError(0, { detail: message, code: "UNKNOWN" });
}

export function describeError(error: unknown): ChatErrorView {
  const apiError = toApiError(error);
  const detail = apiError.detail;
  switch (apiError.code) {
    case "AUTH_EXPIRED":
    case "MISSING_AUTH_TOKEN":
      return {
        code: apiError.code,
        title: "Your Sentry session has ended",
        message: "Sign in again to continue. Your conversation is kept.",
        action: "sign-in",
      };
    case "RATE_LIMIT_EXCEEDED": {
      const seconds = apiError.retryAfterSeconds;
      return {
        code: apiError.code,
        title: "Too many messages",
        message:
          seconds !== undefined
            ? `You can send again in ${seconds} second${seconds === 1 ? "" : "s"}.`
            : "You can send again in a minute.",
        action: "retry",
        ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}),
      };
    }
    case "AI_SERVICE_UNAVAILABLE":
      return {
        code: apiError.code,
        title: "No AI model is configured",
        message:
          (detail ? `${detail} ` : "") +
          "The server needs an OpenAI-compatible LLM (see the README's Configure section). Until then, /tools runs Sentry tools directly.",
        action: "none",
      };
    case "MCP_CONNECTION_FAILED":
      return {
        code: apiError.code,
        title: "Could not reach the Sentry tools",
        message: detail ?? "The MCP endpoint did not answer.",
        action: "retry",
      };
    default:
      return {
        code: apiError.code,
        title: "Something went wrong",
        message: detail ?? apiError.message ?? "The request failed.",
        action: "retry",
      };
  }
}

/**
 * The one message a failed "sign out everywhere" shows. It says the user may still be signed in
 * elsewhere: the server may have ended some sign-ins before it failed, and retrying is safe.
 */
export function describeSignOutEverywhereError(error: unknown): string {
  const apiError = toApiError(error);
  const reason =
    apiError.status === 0
      ? "the server could not be reached"
      : `${(apiError.detail ?? `the server answered HTTP ${apiError.status}`).replace(/\.$/, "")} (${apiError.code})`;
  return `Could not sign out everywhere: ${reason}. You may still be signed in elsewhere; please try again.`;
}
