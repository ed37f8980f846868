/**
 * The `code` of every ProblemDetails the server sends: the mirror of
 * src/SentryMcp.Server/Http/ErrorCodes.cs (a server test keeps the two lists equal).
 */
export const ERROR_CODES = [
  "BAD_REQUEST",
  "INVALID_REQUEST",
  "INVALID_MESSAGES_FORMAT",
  "INVALID_JSON_RPC",
  "INVALID_HOST",
  "INVALID_SLUG",
  "INVALID_TOOLS_PARAMETER",
  "INVALID_SKILLS",
  "INVALID_PROMPT_ARGUMENTS",
  "REQUEST_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "METHOD_NOT_ALLOWED",
  "NOT_FOUND",
  "UNKNOWN_TOOL",
  "UNKNOWN_PROMPT",
  "SESSION_NOT_FOUND",
  "WEB_UI_NOT_BUILT",
  "MISSING_AUTH_TOKEN",
  "INVALID_TOKEN",
  "AUTH_EXPIRED",
  "FORBIDDEN",
  "FORBIDDEN_ORIGIN",
  "SCOPE_MISMATCH",
  "INSUFFICIENT_SCOPE",
  "SKILLS_NOT_GRANTED",
  "SESSION_CREDENTIAL_MISMATCH",
  "APPROVAL_REQUIRED",
  "RATE_LIMIT_EXCEEDED",
  "AI_SERVICE_UNAVAILABLE",
  "MCP_CONNECTION_FAILED",
  "SENTRY_UNAVAILABLE",
  "SENTRY_ERROR",
  "CLIENT_CLOSED",
  "INTERNAL_ERROR",
  "ERROR",
  "CONVERSATION_NOT_FOUND",
  "INVALID_CONVERSATION_ID",
  "INVALID_CURSOR",
  "INVALID_QUERY",
  "INVALID_TITLE",
  "INVALID_EXPORT_FORMAT",
  "CONVERSATION_LIMIT_REACHED",
  "CONVERSATION_FULL",
  "MESSAGE_TOO_LARGE",
  "TURN_IN_PROGRESS",
  "TURN_LOST",
  "APPROVAL_NOT_PENDING",
  "MESSAGE_NOT_FOUND",
  "MESSAGE_NOT_EDITABLE",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What an ApiError carries: a server code, or the UI's own when the answer had none it knows. */
export type ApiErrorCode = ErrorCode | "UNKNOWN" | `HTTP_${number}`;

const known: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(code: string): code is ErrorCode {
  return known.has(code);
}

/** The server's code when it is one we know; otherwise what the status says. */
export function toErrorCode(code: string | undefined, status: number): ApiErrorCode {
  if (code !== undefined && isErrorCode(code)) return code;
  if (code === "UNKNOWN") return "UNKNOWN";
  return code === undefined && status === 401 ? "MISSING_AUTH_TOKEN" : `HTTP_${status}`;
}
