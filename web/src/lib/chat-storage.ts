import type { ChatMessage } from "./chat-types";

const KEY = "sentry-mcp-chat:conversation:v1";

export const storageLimits = { maxMessages: 60, maxBytes: 400_000 };

/** Keeps the newest messages that fit both limits, starting at a user message so a turn is never cut in half. */
export function boundMessages(messages: ChatMessage[], limits = storageLimits): ChatMessage[] {
  let kept = messages.slice(-limits.maxMessages);
  while (kept.length > 0 && JSON.stringify(kept).length > limits.maxBytes) kept = kept.slice(1);
  const firstUser = kept.findIndex((m) => m.role === "user");
  return firstUser > 0 ? kept.slice(firstUser) : kept;
}

function isMessageArray(value: unknown): value is ChatMessage[] {
  return (
    Array.isArray(value) &&
    value.every(
      (m) =>
        typeof m === "object" &&
        m !== null &&
        typeof (m as { id?: unknown }).id === "string" &&
        ["user", "assistant", "system"].includes((m as { role?: unknown }).role as string) &&
        Array.isArray((m as { parts?: unknown }).parts),
    )
  );
}

export function loadConversation(storage: Storage = localStorage): ChatMessage[] {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    return isMessageArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export function saveConversation(messages: ChatMessage[], storage: Storage = localStorage): void {
  try {
    if (messages.length === 0) storage.removeItem(KEY);
    else storage.setItem(KEY, JSON.stringify(boundMessages(messages)));
  } catch {
    // Quota or private mode: the chat still works, it just will not survive a reload.
  }
}

export function clearConversation(storage: Storage = localStorage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // Storage unavailable: nothing to clear.
  }
}
