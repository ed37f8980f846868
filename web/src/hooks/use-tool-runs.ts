import type { DynamicToolUIPart } from "ai";
import { localId } from "@/hooks/use-chat-session";
import { api } from "@/lib/api";
import type { ToolInfo } from "@/lib/api-schemas";
import type { ChatMessage } from "@/lib/chat-types";
import { type ChatErrorView, describeError } from "@/lib/error-messages";

interface ToolRunTarget {
  appendLocal: (userText: string, assistant: ChatMessage["parts"]) => string;
  updateToolPart: (messageId: string, toolCallId: string, update: (part: DynamicToolUIPart) => DynamicToolUIPart) => void;
}

/**
 * Direct tool runs (`/tools`): the call goes to the tool runner API, not the model, and shows as a
 * browser-only turn with a tool card. A sign-in failure is also reported through `onAuthError`.
 */
export function useToolRuns({ appendLocal, updateToolPart }: ToolRunTarget, onAuthError: (view: ChatErrorView) => void) {
  return async (info: ToolInfo, args: Record<string, unknown>) => {
    const toolCallId = localId("tool");
    const messageId = appendLocal(`/tools ${info.name}`, [
      { type: "dynamic-tool", toolName: info.name, toolCallId, state: "input-available", input: args },
    ]);
    try {
      const result = await api.runTool(info.name, args, !info.readOnly);
      updateToolPart(messageId, toolCallId, (p) => ({ type: "dynamic-tool", toolName: p.toolName, toolCallId, state: "output-available", input: p.input, output: result }));
    } catch (e) {
      const view = describeError(e);
      updateToolPart(messageId, toolCallId, (p) => ({ type: "dynamic-tool", toolName: p.toolName, toolCallId, state: "output-error", input: p.input, errorText: view.message }));
      if (view.action === "sign-in") onAuthError(view);
    }
  };
}
