import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses, type DynamicToolUIPart } from "ai";
import { useCallback, useEffect, useMemo, useState } from "react";
import { chatFetch } from "../lib/api-error";
import type { ChatMessage } from "../lib/chat-types";
import { clearConversation, loadConversation, saveConversation } from "../lib/chat-storage";

let localCounter = 0;
export const localId = (prefix: string) => `local-${prefix}-${Date.now().toString(36)}-${(localCounter++).toString(36)}`;

export function createTransport() {
  return new DefaultChatTransport<ChatMessage>({
    api: "/api/chat",
    credentials: "same-origin",
    fetch: chatFetch,
    // Browser-only messages (/help, /tools results) are UI, not conversation: the model never sees them.
    prepareSendMessagesRequest: ({ id, messages, trigger, messageId, body }) => ({
      body: { ...body, id, messages: messages.filter((m) => !m.metadata?.local), trigger, ...(messageId ? { messageId } : {}) },
    }),
  });
}

/** useChat plus local persistence and the browser-side messages slash commands add. */
export function useChatSession() {
  const transport = useMemo(createTransport, []);
  const [initial] = useState(loadConversation);
  const chat = useChat<ChatMessage>({
    id: "sentry-mcp-chat",
    messages: initial,
    transport,
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
  });
  const { messages, status, setMessages } = chat;

  useEffect(() => {
    // Saving on every streamed token would serialise the whole conversation dozens of times a second.
    if (status === "ready" || status === "error") saveConversation(messages);
  }, [messages, status]);

  const appendLocal = useCallback(
    (userText: string, assistant: ChatMessage["parts"]) => {
      const assistantId = localId("a");
      setMessages((current) => [
        ...current,
        { id: localId("u"), role: "user", parts: [{ type: "text", text: userText }], metadata: { local: true } },
        { id: assistantId, role: "assistant", parts: assistant, metadata: { local: true } },
      ]);
      return assistantId;
    },
    [setMessages],
  );

  const updateToolPart = useCallback(
    (messageId: string, toolCallId: string, update: (part: DynamicToolUIPart) => DynamicToolUIPart) => {
      setMessages((current) =>
        current.map((m) =>
          m.id !== messageId
            ? m
            : { ...m, parts: m.parts.map((p) => (p.type === "dynamic-tool" && p.toolCallId === toolCallId ? update(p) : p)) },
        ),
      );
    },
    [setMessages],
  );

  const clear = useCallback(() => {
    void chat.stop();
    chat.clearError();
    setMessages([]);
    clearConversation();
  }, [chat, setMessages]);

  return { ...chat, appendLocal, updateToolPart, clear };
}
