import { isToolOrDynamicToolUIPart, getToolOrDynamicToolName, type DynamicToolUIPart, type ToolUIPart } from "ai";
import { Bot, Pencil, RefreshCw, User } from "lucide-react";
import { useState } from "react";
import type { ChatMessage } from "../../lib/chat-types";
import { parsePromptMessage } from "../../lib/slash-commands";
import { outputIsError, outputStructured, outputText } from "../../lib/tool-output";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { cn } from "../ui/cn";
import { Markdown } from "./markdown";
import { MessageEdit } from "./message-edit";
import { ToolCard, type ToolCardStatus } from "./tool-card";

type AnyToolPart = ToolUIPart | DynamicToolUIPart;

export function toolStatus(part: AnyToolPart): ToolCardStatus {
  switch (part.state) {
    case "input-streaming":
    case "input-available":
    case "approval-responded":
      return "running";
    case "approval-requested":
      return "approval";
    case "output-available":
      return outputIsError(part.output) ? "error" : "done";
    case "output-error":
      return "error";
    case "output-denied":
      return "denied";
  }
}

export function messageText(message: ChatMessage): string {
  return message.parts
    .filter((p) => p.type === "text")
    .map((p) => p.text)
    .join("\n\n");
}

interface MessageViewProps {
  message: ChatMessage;
  onApproval: (approvalId: string, approved: boolean) => void;
  onRegenerate?: (() => void) | undefined;
  /** A user's question that can be edited and resent: sends the new text (false: it was not sent). */
  onEdit?: ((text: string) => boolean) | undefined;
  streaming: boolean;
}

/** An assistant message with nothing to show yet (the model failed before its first word) draws no bubble. */
export function hasVisibleContent(message: ChatMessage): boolean {
  return message.parts.some((p) => (p.type === "text" && p.text.trim() !== "") || isToolOrDynamicToolUIPart(p));
}

function UserText({ text }: { text: string }) {
  const prompt = parsePromptMessage(text);
  if (!prompt) return <>{text}</>;
  const args = Object.entries(prompt.args);
  return (
    <span data-testid="prompt-turn">
      <span className="font-medium">Prompt: {prompt.name}</span>
      {args.length > 0 && (
        <span className="mt-1 block text-sm opacity-90">
          {args.map(([key, value]) => (
            <span key={key} className="block">
              {key}: <span className="font-mono">{value}</span>
            </span>
          ))}
        </span>
      )}
    </span>
  );
}

export function MessageView({ message, onApproval, onRegenerate, onEdit, streaming }: MessageViewProps) {
  const isUser = message.role === "user";
  const text = messageText(message);
  const [editing, setEditing] = useState(false);
  if (!isUser && !streaming && !hasVisibleContent(message)) return null;
  return (
    <article
      className={cn("group flex gap-3 px-1 py-3", isUser && "flex-row-reverse")}
      data-testid={isUser ? "message-user" : "message-assistant"}
      aria-label={isUser ? "Your message" : "Assistant message"}
    >
      <div
        className={cn(
          "flex h-8 w-8 shrink-0 items-center justify-center rounded-full",
          isUser ? "bg-zinc-200 dark:bg-zinc-800" : "bg-brand-600 text-white",
        )}
        aria-hidden
      >
        {isUser ? <User className="h-4 w-4" /> : <Bot className="h-4 w-4" />}
      </div>
      <div className={cn("min-w-0 max-w-[min(48rem,100%)] flex-1", isUser && "flex flex-col items-end")}>
        {isUser && editing && onEdit ? (
          <MessageEdit
            text={text}
            onCancel={() => setEditing(false)}
            onSend={(edited) => {
              const sent = onEdit(edited);
              if (sent) setEditing(false);
              return sent;
            }}
          />
        ) : isUser ? (
          <>
            <div className="inline-block max-w-full whitespace-pre-wrap break-words rounded-2xl bg-brand-600 px-4 py-2 text-white">
              <UserText text={text} />
            </div>
            {onEdit && (
              <div className="mt-1 flex opacity-100 transition-opacity sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100">
                <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label="Edit message" data-testid="edit-message">
                  {/* No text label: the bubble's text stays the question alone (aria-label names the button). */}
                  <Pencil className="h-3.5 w-3.5" aria-hidden />
                </Button>
              </div>
            )}
          </>
        ) : (
          message.parts.map((part, index) => {
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id and are only ever appended, so the index is stable.
            if (part.type === "text") return <Markdown key={index} text={part.text} />;
            if (isToolOrDynamicToolUIPart(part)) {
              const status = toolStatus(part);
              const result =
                part.state === "output-error" ? part.errorText : part.state === "output-available" ? outputText(part.output) : undefined;
              const approvalId = part.state === "approval-requested" ? part.approval.id : undefined;
              return (
                <ToolCard
                  key={part.toolCallId}
                  name={getToolOrDynamicToolName(part)}
                  input={part.input}
                  status={status}
                  {...(result !== undefined ? { result } : {})}
                  {...(part.state === "output-available" ? { structured: outputStructured(part.output) } : {})}
                  {...(approvalId
                    ? { onApprove: () => onApproval(approvalId, true), onDeny: () => onApproval(approvalId, false) }
                    : {})}
                />
              );
            }
            return null;
          })
        )}
        {!isUser && !streaming && message.metadata?.interrupted === true && (
          <p className="mt-1 text-xs text-amber-700 dark:text-amber-400" data-testid="answer-interrupted">
            Answer interrupted: the server writing it stopped. Ask again to continue.
          </p>
        )}
        {!isUser && !streaming && text !== "" && (
          <div className="mt-1 flex gap-1 opacity-70 transition-opacity group-hover:opacity-100">
            <CopyButton text={text} label="Copy message" testId="copy-message" />
            {onRegenerate && (
              <Button variant="ghost" size="sm" onClick={onRegenerate} data-testid="regenerate">
                <RefreshCw className="h-3.5 w-3.5" aria-hidden />
                <span className="sr-only sm:not-sr-only">Regenerate</span>
              </Button>
            )}
            {message.metadata?.usage?.totalTokens !== undefined && (
              <span className="self-center px-1 text-[11px] text-zinc-500" data-testid="token-usage">
                {message.metadata.usage.inputTokens ?? 0} in · {message.metadata.usage.outputTokens ?? 0} out tokens
              </span>
            )}
          </div>
        )}
      </div>
    </article>
  );
}
