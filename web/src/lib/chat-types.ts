import type { UIMessage } from "ai";

export interface ChatMetadata {
  model?: string;
  usage?: { inputTokens?: number; outputTokens?: number; totalTokens?: number };
  /** Made in the browser (/help, /tools runs): shown, never sent to the chat API. */
  local?: boolean;
}

export type ChatMessage = UIMessage<ChatMetadata>;
