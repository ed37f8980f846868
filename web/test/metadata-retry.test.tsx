import { act, fireEvent, render, renderHook, screen } from "@testing-library/react";
import type { MockInstance } from "vitest";
import { ChatWelcome } from "../src/components/chat/chat-welcome";
import { Capabilities } from "../src/components/features/capabilities";
import { type MetadataState, maxMetadataRetryMs, metadataAttempts, useMetadata } from "../src/hooks/use-app-data";
import { api } from "../src/lib/api";
import { ApiError } from "../src/lib/api-error";
import type { Metadata } from "../src/lib/api-schemas";

const metadata: Metadata = {
  tools: [{ name: "find_projects", description: "Find projects.", inputSchema: { type: "object" }, readOnly: true }],
  prompts: [],
};

/** Moves the fake clock and lets the loads it starts settle, inside act so React renders the result. */
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

function state(result: { current: MetadataState }) {
  return result.current.state;
}

describe("useMetadata", () => {
  let load: MockInstance<typeof api.metadata>;

  beforeEach(() => {
    vi.useFakeTimers();
    load = vi.spyOn(api, "metadata");
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("tries again after a 502 and shows the tools once a later attempt succeeds", async () => {
    load.mockRejectedValueOnce(new ApiError(502, undefined)).mockResolvedValue(metadata);
    const { result } = renderHook(() => useMetadata("user-1"));
    await advance(0);
    expect(state(result)).toBe("loading");
    expect(load).toHaveBeenCalledTimes(1);

    await advance(999);
    expect(load).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(load).toHaveBeenCalledTimes(2);
    expect(result.current).toEqual({ state: "ready", metadata });
  });

  it("waits as long as a 429's Retry-After asks before trying again", async () => {
    load.mockRejectedValueOnce(new ApiError(429, { code: "RATE_LIMIT_EXCEEDED" }, 5)).mockResolvedValue(metadata);
    const { result } = renderHook(() => useMetadata("user-1"));

    await advance(4_999);
    expect(load).toHaveBeenCalledTimes(1);
    expect(state(result)).toBe("loading");
    await advance(1);
    expect(load).toHaveBeenCalledTimes(2);
    expect(state(result)).toBe("ready");
  });

  it("backs off and shows the error once the attempts run out, then stops trying", async () => {
    load.mockRejectedValue(new ApiError(503, { detail: "The server is overloaded." }));
    const { result } = renderHook(() => useMetadata("user-1"));

    // Waits of 1 s, 2 s and 4 s between the attempts.
    await advance(1_000 + 2_000 + 3_999);
    expect(load).toHaveBeenCalledTimes(metadataAttempts - 1);
    expect(state(result)).toBe("loading");
    await advance(1);
    expect(load).toHaveBeenCalledTimes(metadataAttempts);
    expect(result.current).toMatchObject({ state: "error", message: "The server is overloaded." });

    await advance(10 * maxMetadataRetryMs);
    expect(load).toHaveBeenCalledTimes(metadataAttempts);
  });

  it("does not retry what would fail again: a refusal, or a response that failed validation", async () => {
    load.mockRejectedValueOnce(new ApiError(403, { detail: "Forbidden." })).mockRejectedValueOnce(new Error("Invalid input"));
    const first = renderHook(() => useMetadata("user-1"));
    await advance(maxMetadataRetryMs);
    expect(first.result.current).toMatchObject({ state: "error", message: "Forbidden." });
    const second = renderHook(() => useMetadata("user-2"));
    await advance(maxMetadataRetryMs);
    expect(second.result.current).toMatchObject({ state: "error", message: "Invalid input" });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("shows the error at once when Retry-After asks for a longer wait than it would hold the user", async () => {
    load.mockRejectedValue(new ApiError(429, undefined, maxMetadataRetryMs / 1000 + 1));
    const { result } = renderHook(() => useMetadata("user-1"));
    await advance(0);
    expect(state(result)).toBe("error");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("retries a network failure (fetch's TypeError)", async () => {
    load.mockRejectedValueOnce(new TypeError("Failed to fetch")).mockResolvedValue(metadata);
    const { result } = renderHook(() => useMetadata("user-1"));
    await advance(1_000);
    expect(state(result)).toBe("ready");
  });

  it("stops retrying on sign-out and loads again for the next user", async () => {
    load.mockRejectedValueOnce(new ApiError(502, undefined)).mockResolvedValue(metadata);
    const { result, rerender } = renderHook(({ user }: { user: string | undefined }) => useMetadata(user), {
      initialProps: { user: "user-1" as string | undefined },
    });
    await advance(0);
    rerender({ user: undefined });
    expect(state(result)).toBe("idle");
    await advance(maxMetadataRetryMs);
    expect(load).toHaveBeenCalledTimes(1);

    rerender({ user: "user-2" });
    await advance(0);
    expect(load).toHaveBeenCalledTimes(2);
    expect(state(result)).toBe("ready");
  });
});

/** The home page's tool list as the app renders it, with the hook loading for one signed-in user. */
function Home() {
  return <Capabilities metadata={useMetadata("user-1")} signedIn onSignIn={() => undefined} />;
}

describe("the tool list's load error", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("is shown with a Retry button that loads the list again", async () => {
    const load = vi.spyOn(api, "metadata").mockRejectedValue(new ApiError(502, undefined));
    render(<Home />);
    await advance(1_000 + 2_000 + 4_000);

    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Could not load the tool list: Request failed with HTTP 502");
    expect(screen.queryByTestId("tool-list")).not.toBeInTheDocument();

    load.mockResolvedValue(metadata);
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await advance(0);
    expect(load).toHaveBeenCalledTimes(metadataAttempts + 1);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByTestId("tool-list")).toHaveTextContent("find_projects");
  });

  it("takes the place of the chat's tool actions when there is no model", () => {
    const retry = vi.fn();
    render(
      <ChatWelcome
        signedIn
        llmConfigured={false}
        busy={false}
        toolNames={[]}
        toolsError={{ message: "Request failed with HTTP 429", retry }}
        onAsk={() => undefined}
        onOpenTools={() => undefined}
        onSignIn={() => undefined}
      />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Could not load the tools: Request failed with HTTP 429");
    expect(screen.queryByTestId("tool-actions")).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
