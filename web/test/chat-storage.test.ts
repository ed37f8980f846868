import { boundMessages, clearConversation, loadConversation, saveConversation } from "../src/lib/chat-storage";
import type { ChatMessage } from "../src/lib/chat-types";

const message = (i: number, role: "user" | "assistant", size = 10): ChatMessage => ({
  id: `m${i}`,
  role,
  parts: [{ type: "text", text: "x".repeat(size) }],
});

const turns = (count: number, size = 10) =>
  Array.from({ length: count * 2 }, (_, i) => message(i, i % 2 === 0 ? "user" : "assistant", size));

describe("boundMessages", () => {
  it("keeps everything under the limits", () => {
    expect(boundMessages(turns(3))).toHaveLength(6);
  });

  it("drops the oldest messages past the count limit and starts at a user message", () => {
    const kept = boundMessages(turns(10), { maxMessages: 5, maxBytes: 1_000_000 });
    expect(kept[0]?.role).toBe("user");
    expect(kept.map((m) => m.id)).toEqual(["m16", "m17", "m18", "m19"]);
  });

  it("drops the oldest messages past the size limit", () => {
    const kept = boundMessages(turns(10, 1000), { maxMessages: 100, maxBytes: 5000 });
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(5000);
    expect(kept.at(-1)?.id).toBe("m19");
    expect(kept[0]?.role).toBe("user");
  });
});

describe("conversation storage", () => {
  beforeEach(() => localStorage.clear());

  it("round-trips a conversation and clears it", () => {
    saveConversation(turns(2));
    expect(loadConversation().map((m) => m.id)).toEqual(["m0", "m1", "m2", "m3"]);
    clearConversation();
    expect(loadConversation()).toEqual([]);
  });

  it("ignores corrupt or foreign data", () => {
    localStorage.setItem("sentry-mcp-chat:conversation:v1", "{not json");
    expect(loadConversation()).toEqual([]);
    localStorage.setItem("sentry-mcp-chat:conversation:v1", JSON.stringify([{ id: 1 }]));
    expect(loadConversation()).toEqual([]);
  });
});
