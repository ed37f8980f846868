import { generateId } from "ai";
import { z } from "zod";
import { toApiError } from "./api-error";
import type { ChatMessage } from "./chat-types";

/** Which conversation this tab shows: per tab (sessionStorage), so two tabs can hold two conversations. */
const CURRENT_KEY = "sentry-mcp-chat:current-conversation:v1";
/** Where conversations lived before the server kept them; removed on first load. */
const LEGACY_KEY = "sentry-mcp-chat:conversation:v1";

export const conversationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const conversationPageSchema = z.object({
  items: z.array(conversationSummarySchema),
  nextCursor: z.string().nullable(),
});
export type ConversationPage = z.infer<typeof conversationPageSchema>;

const uiMessageSchema = z
  .object({
    id: z.string(),
    role: z.enum(["user", "assistant", "system"]),
    parts: z.array(z.looseObject({ type: z.string() })),
    metadata: z.unknown().optional(),
  })
  .transform((m) => m as unknown as ChatMessage);

export const conversationSchema = conversationSummarySchema.extend({
  messages: z.array(uiMessageSchema),
  /** The answer being written right now, which the chat resumes (GET /api/chat/{id}/stream?turn=…). */
  activeTurnId: z.string().nullable(),
});
export type Conversation = z.infer<typeof conversationSchema>;

async function call<T>(schema: z.ZodType<T> | undefined, path: string, init?: RequestInit): Promise<T | undefined> {
  const response = await fetch(path, { credentials: "same-origin", ...init });
  if (!response.ok) throw await toApiError(response);
  return schema && response.status !== 204 ? schema.parse(await response.json()) : undefined;
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

const path = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

/** The server's conversations of the signed-in user (docs/chat-api.md, "Conversations"). */
export const conversations = {
  list: async (q?: string, cursor?: string): Promise<ConversationPage> => {
    const query = new URLSearchParams();
    if (q) query.set("q", q);
    if (cursor) query.set("cursor", cursor);
    const suffix = query.size > 0 ? `?${query}` : "";
    return (await call(conversationPageSchema, `/api/conversations${suffix}`)) as ConversationPage;
  },
  /** The conversation, or undefined when it does not exist (yet: it is created by its first message). */
  get: async (id: string): Promise<Conversation | undefined> => {
    try {
      return await call(conversationSchema, path(id));
    } catch (e) {
      if (e instanceof Error && "status" in e && e.status === 404) return undefined;
      throw e;
    }
  },
  rename: async (id: string, title: string): Promise<ConversationSummary> =>
    (await call(conversationSummarySchema, path(id), json("PATCH", { title }))) as ConversationSummary,
  remove: async (id: string): Promise<void> => {
    await call(undefined, path(id), { method: "DELETE" });
  },
  removeAll: async (): Promise<void> => {
    await call(undefined, "/api/conversations", { method: "DELETE" });
  },
  exportUrl: (id: string, format: "markdown" | "json") => `${path(id)}/export?format=${format}`,
  /** Stops the answer being written; the server keeps what was written so far. */
  stop: async (id: string): Promise<void> => {
    await call(undefined, `/api/chat/${encodeURIComponent(id)}/stop`, json("POST", {}));
  },
};

export function newConversationId(): string {
  return generateId();
}

/** This tab's conversation id (a new one when the tab has none). */
export function currentConversationId(storage: Storage = sessionStorage): string {
  try {
    localStorage.removeItem(LEGACY_KEY);
    const stored = storage.getItem(CURRENT_KEY);
    if (stored && /^[A-Za-z0-9_-]{1,64}$/.test(stored)) return stored;
    const id = newConversationId();
    storage.setItem(CURRENT_KEY, id);
    return id;
  } catch {
    return newConversationId();
  }
}

export function setCurrentConversationId(id: string, storage: Storage = sessionStorage): void {
  try {
    storage.setItem(CURRENT_KEY, id);
  } catch {
    // Storage unavailable: a reload starts a new conversation; the old one stays on the server.
  }
}

/** Forgets which conversation this tab shows (on logout); the conversations stay on the server. */
export function clearConversation(storage: Storage = sessionStorage): void {
  try {
    storage.removeItem(CURRENT_KEY);
  } catch {
    // Storage unavailable: nothing to forget.
  }
}
