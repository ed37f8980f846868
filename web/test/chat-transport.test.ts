import { createTransport } from "../src/hooks/use-chat-session";
import type { ChatMessage } from "../src/lib/chat-types";

const stream = () =>
  new Response('data: {"type":"start","messageId":"a1"}\n\ndata: [DONE]\n\n', {
    status: 200,
    headers: { "Content-Type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1" },
  });

const user = (id: string, text: string, local = false): ChatMessage => ({
  id,
  role: "user",
  parts: [{ type: "text", text }],
  ...(local ? { metadata: { local: true } } : {}),
});

describe("the chat transport (server-held history)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("sends the chat id and only the newest non-local message", async () => {
    const fetch = vi.fn().mockResolvedValue(stream());
    vi.stubGlobal("fetch", fetch);
    const transport = createTransport();

    await transport.sendMessages({
      chatId: "c1",
      messages: [user("u1", "first"), user("u2", "second"), user("l1", "/help", true)],
      trigger: "submit-message",
      messageId: undefined,
      abortSignal: undefined,
    });

    const init = fetch.mock.calls[0]?.[1] as RequestInit | undefined;
    const body = JSON.parse(String(init?.body));
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/chat");
    expect(body).toEqual({ id: "c1", message: user("u2", "second"), trigger: "submit-message" });
  });

  it("reconnects to the live answer the conversation named, and treats 204 as nothing to resume", async () => {
    const fetch = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetch);
    let turn: string | undefined = "turn-7";
    const transport = createTransport(() => turn);

    expect(await transport.reconnectToStream({ chatId: "c1" })).toBeNull();
    turn = undefined;
    await transport.reconnectToStream({ chatId: "c 2" });

    expect(fetch.mock.calls[0]?.[0]).toBe("/api/chat/c1/stream?turn=turn-7");
    expect(fetch.mock.calls[1]?.[0]).toBe("/api/chat/c%202/stream");
  });
});
