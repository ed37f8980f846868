import { forwardRef, useImperativeHandle, useRef, useState, type KeyboardEvent } from "react";
import { ArrowUp, Square } from "lucide-react";
import { completeCommand } from "../../lib/slash-commands";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";

interface ChatInputProps {
  busy: boolean;
  disabled?: boolean;
  placeholder: string;
  /** Seconds until sending is allowed again (a rate limit); the send button counts down meanwhile. */
  waitSeconds?: number;
  /** Returns false when the text was not sent, so it stays in the box. */
  onSubmit: (text: string) => boolean | undefined;
  onStop: () => void;
}

export interface ChatInputHandle {
  focus: () => void;
  setText: (text: string) => void;
}

export const ChatInput = forwardRef<ChatInputHandle, ChatInputProps>(function ChatInput(
  { busy, disabled, placeholder, waitSeconds = 0, onSubmit, onStop },
  handle,
) {
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(handle, () => ({
    focus: () => textarea.current?.focus(),
    setText: (value: string) => {
      setText(value);
      textarea.current?.focus();
    },
  }));

  const suggestions = dismissed ? [] : completeCommand(text);
  const open = suggestions.length > 0;

  const waiting = waitSeconds > 0;
  // Commands (/help, /tools…) never reach the chat API, so a rate limit does not hold them back.
  const held = (value: string) => waiting && (!value.trim().startsWith("/") || value.trim().startsWith("/prompt "));
  const submit = (value: string) => {
    if (value.trim() === "" || busy || disabled || held(value)) return;
    if (onSubmit(value) === false) return;
    setText("");
    setDismissed(false);
  };

  const accept = (index: number) => {
    const choice = suggestions[index];
    if (!choice) return;
    submit(`/${choice.name}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const step = e.key === "ArrowDown" ? 1 : -1;
        setActive((a) => (a + step + suggestions.length) % suggestions.length);
        return;
      }
      if (e.key === "Tab") {
        e.preventDefault();
        const choice = suggestions[Math.min(active, suggestions.length - 1)];
        if (choice) setText(`/${choice.name}`);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        setDismissed(true);
        return;
      }
    }
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (open && text.slice(1) !== suggestions[active]?.name) accept(Math.min(active, suggestions.length - 1));
      else submit(text);
    }
  };

  return (
    <div className="relative">
      {open && (
        <div
          id="slash-suggestions"
          role="listbox"
          aria-label="Commands"
          data-testid="slash-suggestions"
          className="absolute bottom-full left-0 mb-2 w-full max-w-sm overflow-hidden rounded-lg border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          {suggestions.map((s, i) => (
            <div
              key={s.name}
              id={`slash-${s.name}`}
              role="option"
              // The textarea keeps focus (aria-activedescendant points here); options are never tabbed to.
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(i);
              }}
              className={cn("cursor-pointer px-3 py-1.5 text-sm", i === active && "bg-brand-50 dark:bg-zinc-800")}
            >
              <span className="font-mono font-medium">/{s.name}</span>
              <span className="ml-2 text-zinc-500">{s.description}</span>
            </div>
          ))}
        </div>
      )}
      <form
        className="flex items-end gap-2 rounded-2xl border border-zinc-300 bg-white p-2 shadow-sm focus-within:border-brand-500 dark:border-zinc-700 dark:bg-zinc-900"
        onSubmit={(e) => {
          e.preventDefault();
          submit(text);
        }}
      >
        <textarea
          ref={textarea}
          value={text}
          rows={1}
          disabled={disabled}
          placeholder={placeholder}
          aria-label="Message"
          role="combobox"
          aria-expanded={open}
          aria-controls="slash-suggestions"
          aria-autocomplete="list"
          aria-activedescendant={open && suggestions[active] ? `slash-${suggestions[active].name}` : undefined}
          data-testid="chat-input"
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setDismissed(false);
          }}
          onKeyDown={onKeyDown}
          className="max-h-48 min-h-[2.5rem] flex-1 resize-none bg-transparent px-2 py-2 text-[15px] outline-none [field-sizing:content] placeholder:text-zinc-400 focus-visible:outline-none"
        />
        {busy ? (
          <Button variant="secondary" size="icon" onClick={onStop} aria-label="Stop generating" data-testid="stop">
            <Square className="h-3.5 w-3.5 fill-current" aria-hidden />
          </Button>
        ) : (
          <Button
            type="submit"
            size="icon"
            aria-label={waiting ? `You can send again in ${waitSeconds} seconds` : "Send message"}
            disabled={disabled || text.trim() === "" || held(text)}
            data-testid="send"
            data-wait={waiting ? waitSeconds : undefined}
          >
            {waiting ? <span className="text-xs tabular-nums">{waitSeconds}s</span> : <ArrowUp className="h-4 w-4" aria-hidden />}
          </Button>
        )}
      </form>
    </div>
  );
});
