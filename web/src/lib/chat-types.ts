import type { UIMessage } from "ai";

export interface ChatMetadata {
  model?: string;
  usage?: { inputTokens?: number; outputTokens?: number; totalTokens?: number };
  /** The answer did not finish: the server writing it stopped (kept as far as it got). */
  interrupted?: boolean;
  /** Why, when the server said (TURN_LOST: the server writing the answer stopped). */
  errorCode?: string;
  /** Made in the browser (/help, /tools runs): shown, never sent to the chat API. */
  local?: boolean;
}

export type ChatMessage = UIMessage<ChatMetadata>;
