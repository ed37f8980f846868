import { useEffect, useRef, useState } from "react";
import { Button } from "../ui/button";

interface MessageEditProps {
  text: string;
  /** Sends the edited text; false keeps the editor open (it could not be sent). */
  onSend: (text: string) => boolean;
  onCancel: () => void;
}

/**
 * A user's question opened for editing, in place of its bubble. Sending it continues the conversation
 * from there: the answers after it are replaced. Enter sends, Shift+Enter adds a line, Esc cancels.
 */
export function MessageEdit({ text, onSend, onCancel }: MessageEditProps) {
  const [value, setValue] = useState(text);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const unchanged = value.trim() === "" || value.trim() === text.trim();
  const send = () => {
    if (!unchanged) onSend(value.trim());
  };
  return (
    <form
      className="flex w-full max-w-xl flex-col gap-2"
      data-testid="message-edit"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <textarea
        ref={field}
        value={value}
        aria-label="Edit your message"
        data-testid="message-edit-input"
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            // The editor's Esc cancels the edit only (it does not stop an answer or close the drawer).
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          } else if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            send();
          }
        }}
        className="max-h-64 min-h-[4rem] w-full resize-y rounded-2xl border border-zinc-300 bg-white px-3 py-2 text-[15px] [field-sizing:content] focus:border-brand-500 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900"
      />
      <div className="flex justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={onCancel} data-testid="message-edit-cancel">
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={unchanged} data-testid="message-edit-send">
          Send
        </Button>
      </div>
    </form>
  );
}
