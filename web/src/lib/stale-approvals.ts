import { isToolOrDynamicToolUIPart } from "ai";
import type { ChatMessage } from "./chat-types";

export const movedOnReason = "The user sent a new message instead of answering this approval.";

/**
 * Closes every approval still waiting for an answer: the user moved on, so the call is denied with a
 * reason (the model reads "The user denied this tool call: …") and its card loses its buttons.
 * Returns the same array when nothing was waiting.
 */
export function closeStaleApprovals(messages: ChatMessage[], reason: string = movedOnReason): ChatMessage[] {
  let changed = false;
  const next = messages.map((message) => {
    if (message.role !== "assistant") return message;
    let touched = false;
    const parts = message.parts.map((part): ChatMessage["parts"][number] => {
      if (!isToolOrDynamicToolUIPart(part)) return part;
      if (part.state !== "approval-requested" && part.state !== "approval-responded") return part;
      touched = true;
      return { ...part, state: "output-denied", approval: { id: part.approval.id, approved: false, reason } } as ChatMessage["parts"][number];
    });
    if (!touched) return message;
    changed = true;
    return { ...message, parts };
  });
  return changed ? next : messages;
}

