import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses, type DynamicToolUIPart } from "ai";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { chatFetch } from "../lib/api-error";
import type { ChatMessage } from "../lib/chat-types";
import { conversations, currentConversationId, newConversationId, setCurrentConversationId } from "../lib/chat-storage";

let localCounter = 0;
export const localId = (prefix: string) => `local-${prefix}-${Date.now().toString(36)}-${(localCounter++).toString(36)}`;

/**
 * The AI SDK's persistence convention: the server holds the conversation, so a request carries the
 * chat id and only the newest message (the user's question, or the answer with its approvals);
 * a resumed tab asks for the answer being written (`GET /api/chat/{id}/stream?turn=…`, 204 when none).
 */
export function createTransport(activeTurn: () => string | undefined = () => undefined) {
  return new DefaultChatTransport<ChatMessage>({
    api: "/api/chat",
    credentials: "same-origin",
    fetch: chatFetch,
    // Browser-only messages (/help, /tools results) are UI, not conversation: the server never sees them.
    prepareSendMessagesRequest: ({ id, messages, trigger, messageId, body }) => ({
      body: { ...body, id, message: messages.filter((m) => !m.metadata?.local).at(-1), trigger, ...(messageId ? { messageId } : {}) },
    }),
    prepareReconnectToStreamRequest: ({ id }) => {
      const turn = activeTurn();
      return { api: `/api/chat/${encodeURIComponent(id)}/stream${turn ? `?turn=${encodeURIComponent(turn)}` : ""}` };
    },
  });
}

interface Loaded {
  id: string;
  messages: ChatMessage[];
  /** Stored on the server already (a new conversation is created by its first message). */
  exists: boolean;
  title?: string;
}

/**
 * useChat over a server-side conversation: loads it (GET /api/conversations/{id}), then follows an
 * answer still being written (`resume`), stops through the server so the partial answer is kept, and
 * adds the browser-side messages slash commands make. `conversationId` names the conversation to show;
 * without it the tab keeps its own.
 */
export function useChatSession(conversationId?: string) {
  const [id, setId] = useState(() => conversationId ?? currentConversationId());
  const [loaded, setLoaded] = useState<Loaded>();
  const [loadError, setLoadError] = useState<Error>();
  const activeTurn = useRef<string | undefined>(undefined);
  const transport = useMemo(() => createTransport(() => activeTurn.current), []);

  useEffect(() => {
    if (conversationId !== undefined) setId(conversationId);
  }, [conversationId]);

  useEffect(() => {
    let cancelled = false;
    setCurrentConversationId(id);
    if (loaded?.id === id) return;
    setLoadError(undefined);
    conversations.get(id).then(
      (conversation) => {
        if (cancelled) return;
        activeTurn.current = conversation?.activeTurnId ?? undefined;
        setLoaded({ id, messages: conversation?.messages ?? [], exists: conversation !== undefined, title: conversation?.title });
      },
      (e: unknown) => {
        if (cancelled) return;
        setLoadError(e instanceof Error ? e : new Error(String(e)));
        setLoaded({ id, messages: [], exists: false });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, loaded?.id]);

  const ready = loaded?.id === id;
  // Until the conversation is loaded useChat holds a placeholder; the real id (re)creates the chat
  // with the stored messages, and `resume` then follows an answer still being written.
  const chat = useChat<ChatMessage>({
    id: ready ? id : `loading-${id}`,
    messages: ready ? loaded.messages : [],
    transport,
    resume: ready && loaded.exists,
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
  });
  const { setMessages } = chat;

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

  // A closed tab is a disconnect, not a stop: only this asks the server to stop (it keeps the partial answer).
  const stop = useCallback(async () => {
    try {
      await conversations.stop(id);
    } catch {
      // Not stored yet, or already gone: stopping the local stream is all there is to do.
    }
    await chat.stop();
  }, [chat, id]);

  /** Starts a new conversation in this tab; the current one stays on the server. */
  const clear = useCallback(() => {
    void chat.stop();
    chat.clearError();
    const next = newConversationId();
    activeTurn.current = undefined;
    setLoaded({ id: next, messages: [], exists: false });
    setId(next);
  }, [chat]);

  /** Loads the conversation again from the server, the source of truth (after it refused an edit). */
  const reload = useCallback(() => setLoaded(undefined), []);

  return { ...chat, id, loading: !ready, loadError, title: ready ? loaded.title : undefined, stop, appendLocal, updateToolPart, clear, reload, open: setId };
}
