import { problemSchema, type Problem } from "./api-schemas";
import { type ApiErrorCode, toErrorCode } from "./error-codes";

/** An HTTP failure from the host, carrying the ProblemDetails `code` the UI maps to a message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly detail: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: Problem | undefined, retryAfterSeconds?: number) {
    super(problem?.detail ?? problem?.title ?? `Request failed with HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = toErrorCode(problem?.code, status);
    this.detail = problem?.detail;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export function parseProblem(text: string): Problem | undefined {
  try {
    const parsed = problemSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  return new ApiError(response.status, parseProblem(text), parseRetryAfter(response.headers.get("Retry-After")));
}

/** The chat transport's fetch: turns error responses into ApiError so useChat's `error` keeps the code. */
export const chatFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!response.ok) throw await toApiError(response);
  return response;
};
