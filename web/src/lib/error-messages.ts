import { ApiError, parseProblem } from "./api-error";

export type ErrorAction = "sign-in" | "retry" | "none";

export interface ChatErrorView {
  code: string;
  title: string;
  message: string;
  action: ErrorAction;
  /** Seconds until a retry makes sense (rate limits). */
  retryAfterSeconds?: number;
  /** The label of the sign-in button when the action is "sign-in". */
  signInLabel?: string;
}

export interface ErrorContext {
  /** False for a visitor who has not signed in on this page: a missing session is then not an ended one. */
  everSignedIn?: boolean;
}

export const notSignedInView: ChatErrorView = {
  code: "MISSING_AUTH_TOKEN",
  title: "Connect your Sentry account first",
  message: "Questions and tools use your Sentry data, so they need you signed in. /help works without an account.",
  action: "sign-in",
  signInLabel: "Connect with Sentry",
};

export const noModelView: ChatErrorView = {
  code: "AI_SERVICE_UNAVAILABLE",
  title: "No AI model is configured",
  message:
    "Questions need an OpenAI-compatible model: set OPENAI_API_KEY, or OPENAI_BASE_URL for Ollama and other compatible servers, and restart the server. /tools runs Sentry tools without one.",
  action: "none",
};

/** Normalises whatever useChat or a fetch threw into the code the host sent (ProblemDetails or stream `errorText`). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const problem = parseProblem(message);
  if (problem) return new ApiError(problem.status ?? 500, problem);
  return new ApiError(0, { detail: message, code: "UNKNOWN" });
}

export function describeError(error: unknown, context: ErrorContext = {}): ChatErrorView {
  const apiError = toApiError(error);
  const detail = apiError.detail;
  switch (apiError.code) {
    case "AUTH_EXPIRED":
    case "MISSING_AUTH_TOKEN":
      if (apiError.code === "MISSING_AUTH_TOKEN" && context.everSignedIn === false) return notSignedInView;
      return {
        code: apiError.code,
        title: "Your Sentry session has ended",
        message: "Sign in again to continue. Your conversation is kept.",
        action: "sign-in",
        signInLabel: "Sign in again",
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
      // The server's detail says the same in its own words: one sentence, not two.
      return noModelView;
    case "MESSAGE_NOT_EDITABLE":
    case "MESSAGE_NOT_FOUND":
      return {
        code: apiError.code,
        title: apiError.code === "MESSAGE_NOT_FOUND" ? "That message is no longer stored" : "This message cannot be changed now",
        message: `${detail ?? "The server refused the edit."} The conversation shows what is stored.`,
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
        title: apiError.status === 0 ? "The assistant could not answer" : "Something went wrong",
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
