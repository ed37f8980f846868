import { ApiError, chatFetch, parseRetryAfter } from "../src/lib/api-error";
import { describeError } from "../src/lib/error-messages";

const problem = (status: number, code: string, detail?: string) =>
  JSON.stringify({ type: "about:blank", title: code, status, code, ...(detail ? { detail } : {}) });

describe("describeError", () => {
  it("offers to sign in again when the session expired", () => {
    const view = describeError(new Error(problem(401, "AUTH_EXPIRED")));
    expect(view).toMatchObject({ code: "AUTH_EXPIRED", action: "sign-in", title: "Your Sentry session has ended" });
  });

  it("says when to retry after a rate limit", () => {
    const view = describeError(new ApiError(429, { code: "RATE_LIMIT_EXCEEDED" }, 42));
    expect(view).toMatchObject({ action: "retry", retryAfterSeconds: 42 });
    expect(view.message).toContain("42 seconds");
  });

  it("explains how to configure a missing LLM once and does not offer a pointless retry", () => {
    const view = describeError(new Error(problem(503, "AI_SERVICE_UNAVAILABLE", "No language model is configured.")));
    expect(view.action).toBe("none");
    expect(view.message).not.toContain("No language model is configured");
    expect(view.message).toContain("OPENAI_API_KEY");
    expect(view.message).toContain("OPENAI_BASE_URL");
    expect(view.message).toContain("/tools");
  });

  it("tells a visitor who never signed in to connect, and a signed-in user that the session ended", () => {
    const missing = new ApiError(401, { code: "MISSING_AUTH_TOKEN" });
    expect(describeError(missing, { everSignedIn: false })).toMatchObject({ title: "Connect your Sentry account first", signInLabel: "Connect with Sentry" });
    expect(describeError(missing, { everSignedIn: true })).toMatchObject({ title: "Your Sentry session has ended", signInLabel: "Sign in again" });
    expect(describeError(new ApiError(401, { code: "AUTH_EXPIRED" }), { everSignedIn: false }).title).toBe("Your Sentry session has ended");
  });

  it("falls back to try again with the stream's error text", () => {
    const view = describeError(new Error("The model stopped unexpectedly."));
    expect(view).toMatchObject({ action: "retry", title: "The assistant could not answer", message: "The model stopped unexpectedly." });
  });
});

describe("chatFetch", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("turns a ProblemDetails response into an ApiError with code and Retry-After", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(problem(429, "RATE_LIMIT_EXCEEDED"), { status: 429, headers: { "Retry-After": "7" } })),
    );
    const error = await chatFetch("/api/chat").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "RATE_LIMIT_EXCEEDED", retryAfterSeconds: 7 });
  });
});

it("parses Retry-After as seconds or an HTTP date", () => {
  expect(parseRetryAfter("12")).toBe(12);
  expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60);
  expect(parseRetryAfter(null)).toBeUndefined();
  expect(parseRetryAfter("soon")).toBeUndefined();
});
