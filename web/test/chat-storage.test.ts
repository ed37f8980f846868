import { clearConversation, conversations, currentConversationId, setCurrentConversationId } from "../src/lib/chat-storage";

const jsonResponse = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("this tab's conversation", () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it("keeps one id per tab across reloads and drops the old localStorage copy", () => {
    localStorage.setItem("sentry-mcp-chat:conversation:v1", "[]");
    const first = currentConversationId();
    expect(first).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(currentConversationId()).toBe(first);
    expect(localStorage.getItem("sentry-mcp-chat:conversation:v1")).toBeNull();
  });

  it("switches and forgets without touching the server", () => {
    setCurrentConversationId("abc");
    expect(currentConversationId()).toBe("abc");
    clearConversation();
    expect(currentConversationId()).not.toBe("abc");
  });

  it("ignores a stored value that is not a conversation id", () => {
    sessionStorage.setItem("sentry-mcp-chat:current-conversation:v1", "../../x");
    expect(currentConversationId()).not.toBe("../../x");
  });
});

describe("the conversations API client", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("reads a stored conversation and treats 404 as not stored yet", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(
        jsonResponse(200, {
          id: "c1",
          title: "Errors today",
          createdAt: "2026-12-02T03:00:00+00:00",
          updatedAt: "2026-12-02T03:01:00+00:00",
          messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: "hi" }] }],
          activeTurnId: "turn-1",
        }),
      )
      .mockResolvedValueOnce(jsonResponse(404, { code: "CONVERSATION_NOT_FOUND" }));
    vi.stubGlobal("fetch", fetch);

    const found = await conversations.get("c1");
    expect(found?.messages[0]?.id).toBe("u1");
    expect(found?.activeTurnId).toBe("turn-1");
    expect(await conversations.get("c2")).toBeUndefined();
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/conversations/c1");
  });

  it("sends the search and cursor and validates the page", async () => {
    const fetch = vi.fn().mockResolvedValue(jsonResponse(200, { items: [], nextCursor: null }));
    vi.stubGlobal("fetch", fetch);
    await conversations.list("team a", "abc");
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/conversations?q=team+a&cursor=abc");
    fetch.mockResolvedValue(jsonResponse(200, { items: [{ id: 1 }] }));
    await expect(conversations.list()).rejects.toThrow();
  });

  it("stops through the server with a JSON POST and surfaces a refusal with its code", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(jsonResponse(404, { code: "CONVERSATION_NOT_FOUND" }));
    vi.stubGlobal("fetch", fetch);
    await conversations.stop("c1");
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/chat/c1/stop");
    expect((fetch.mock.calls[0]?.[1] as RequestInit | undefined)?.method).toBe("POST");
    await expect(conversations.remove("c1")).rejects.toMatchObject({ code: "CONVERSATION_NOT_FOUND", status: 404 });
  });
});
