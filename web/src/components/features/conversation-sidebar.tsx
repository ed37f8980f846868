import { useCallback, useEffect, useRef, useState } from "react";
import { Check, Download, Pencil, Plus, Search, Trash2, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { type ConversationSummary, conversations } from "@/lib/chat-storage";

interface ConversationSidebarProps {
  /** The conversation this tab shows. */
  currentId: string;
  /** Changes when the list may have changed (a turn ended, a conversation was opened). */
  refreshKey: unknown;
  /** Phones: the drawer is open. Wider screens always show the sidebar. */
  open: boolean;
  onClose: () => void;
  onOpen: (id: string) => void;
  onNew: () => void;
  /** The shown conversation was deleted. */
  onDeletedCurrent: () => void;
}

type Api = Pick<typeof conversations, "list" | "rename" | "remove" | "removeAll" | "exportUrl">;

/**
 * The caller's conversations, newest first, with search (titles and message text, on the server),
 * paging, rename, delete and export. A drawer on phones (≤ 640 px), a column beside the chat otherwise.
 */
export function ConversationSidebar({
  currentId,
  refreshKey,
  open,
  onClose,
  onOpen,
  onNew,
  onDeletedCurrent,
  api = conversations,
}: ConversationSidebarProps & { api?: Api }) {
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<ConversationSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const [confirmingAll, setConfirmingAll] = useState(false);
  const request = useRef(0);
  const search = useRef<HTMLInputElement>(null);

  const load = useCallback(
    async (q: string, cursor?: string) => {
      const mine = ++request.current;
      setLoading(true);
      try {
        const page = await api.list(q.trim() || undefined, cursor);
        if (mine !== request.current) return;
        setItems((current) => (cursor ? [...current, ...page.items.filter((i) => !current.some((c) => c.id === i.id))] : page.items));
        setNextCursor(page.nextCursor);
        setError(undefined);
      } catch (e) {
        if (mine === request.current) setError(e instanceof Error ? e.message : String(e));
      } finally {
        if (mine === request.current) setLoading(false);
      }
    },
    [api],
  );

  // Typing searches after a short pause; a new list replaces the old one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey is the signal to list again
  useEffect(() => {
    const timer = window.setTimeout(() => void load(query), query ? 250 : 0);
    return () => window.clearTimeout(timer);
  }, [load, query, refreshKey]);

  useEffect(() => {
    if (open) search.current?.focus();
  }, [open]);

  const rename = async (id: string, title: string) => {
    setEditing(undefined);
    const trimmed = title.trim();
    if (!trimmed || items.find((i) => i.id === id)?.title === trimmed) return;
    try {
      const updated = await api.rename(id, trimmed);
      setItems((current) => current.map((i) => (i.id === id ? updated : i)));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const remove = async (id: string) => {
    setConfirming(undefined);
    try {
      await api.remove(id);
      setItems((current) => current.filter((i) => i.id !== id));
      if (id === currentId) onDeletedCurrent();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  /** Every conversation of the caller goes (the server also stops any answer still running). */
  const removeAll = async () => {
    setConfirmingAll(false);
    try {
      await api.removeAll();
      setItems([]);
      setNextCursor(null);
      setQuery("");
      onDeletedCurrent();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      {open && <button type="button" aria-label="Close conversations" className="fixed inset-0 z-30 bg-black/40 sm:hidden" onClick={onClose} />}
      <nav
        aria-label="Conversations"
        data-testid="conversation-sidebar"
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) onClose();
        }}
        className={cn(
          "flex w-72 shrink-0 flex-col border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950",
          "max-sm:fixed max-sm:inset-y-0 max-sm:left-0 max-sm:z-40 max-sm:shadow-xl",
          !open && "max-sm:hidden",
        )}
      >
        <div className="flex items-center gap-2 p-2">
          <Button variant="secondary" size="sm" className="flex-1" onClick={onNew} data-testid="new-chat">
            <Plus className="h-3.5 w-3.5" aria-hidden /> New chat
          </Button>
          <Button variant="ghost" size="icon" className="sm:hidden" aria-label="Close conversations" onClick={onClose}>
            <X className="h-4 w-4" aria-hidden />
          </Button>
        </div>
        <div className="relative px-2 pb-2">
          <Search className="pointer-events-none absolute top-2 left-4 h-3.5 w-3.5 text-zinc-400" aria-hidden />
          <input
            ref={search}
            type="search"
            value={query}
            maxLength={200}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search conversations"
            aria-label="Search conversations"
            data-testid="conversation-search"
            className="w-full rounded-md border border-zinc-300 bg-transparent py-1 pr-2 pl-7 text-sm dark:border-zinc-700"
          />
        </div>
        {error && (
          <p role="alert" className="px-3 pb-2 text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
        <ul className="min-h-0 flex-1 overflow-y-auto px-1 pb-2" data-testid="conversation-list" aria-busy={loading}>
          {items.map((c) => (
            <li key={c.id} data-testid="conversation-item" data-conversation-id={c.id} className="group">
              {editing === c.id ? (
                <form
                  className="flex items-center gap-1 px-1 py-0.5"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename(c.id, new FormData(e.currentTarget).get("title")?.toString() ?? "");
                  }}
                >
                  <input
                    name="title"
                    defaultValue={c.title}
                    maxLength={200}
                    aria-label="Conversation title"
                    // biome-ignore lint/a11y/noAutofocus: the field the user just asked for
                    autoFocus
                    onKeyDown={(e) => {
                      if (e.key === "Escape") {
                        e.stopPropagation();
                        setEditing(undefined);
                      }
                    }}
                    className="min-w-0 flex-1 rounded border border-zinc-300 bg-transparent px-1.5 py-0.5 text-sm dark:border-zinc-700"
                  />
                  <Button type="submit" variant="ghost" size="icon" aria-label="Save title">
                    <Check className="h-3.5 w-3.5" aria-hidden />
                  </Button>
                </form>
              ) : confirming === c.id ? (
                <fieldset className="flex items-center gap-1 rounded-md border-0 bg-red-50 px-2 py-1 text-sm dark:bg-red-950" aria-label={`Delete ${c.title}?`}>
                  <span className="min-w-0 flex-1 truncate">Delete “{c.title}”?</span>
                  <Button variant="danger" size="sm" onClick={() => void remove(c.id)} data-testid="confirm-delete">
                    Delete
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => setConfirming(undefined)}>
                    Cancel
                  </Button>
                </fieldset>
              ) : (
                <div
                  className={cn(
                    "flex items-center rounded-md text-sm",
                    c.id === currentId ? "bg-zinc-100 dark:bg-zinc-800" : "hover:bg-zinc-50 dark:hover:bg-zinc-900",
                  )}
                >
                  <a
                    href={`/chat/${encodeURIComponent(c.id)}`}
                    aria-current={c.id === currentId ? "page" : undefined}
                    title={c.title}
                    className="min-w-0 flex-1 truncate px-2 py-1.5"
                    onClick={(e) => {
                      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                      e.preventDefault();
                      onOpen(c.id);
                    }}
                  >
                    {c.title}
                  </a>
                  <span className="flex shrink-0 opacity-100 sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100">
                    <Button variant="ghost" size="icon" aria-label={`Rename ${c.title}`} onClick={() => setEditing(c.id)} data-testid="rename-conversation">
                      <Pencil className="h-3.5 w-3.5" aria-hidden />
                    </Button>
                    <details className="relative">
                      <summary
                        aria-label={`Export ${c.title}`}
                        className="flex h-8 w-8 cursor-pointer list-none items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
                        data-testid="export-conversation"
                      >
                        <Download className="h-3.5 w-3.5" aria-hidden />
                      </summary>
                      <div className="absolute right-0 z-10 mt-1 flex flex-col rounded-md border border-zinc-200 bg-white py-1 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
                        <a className="px-3 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800" href={api.exportUrl(c.id, "markdown")} download data-testid="export-markdown">
                          Markdown
                        </a>
                        <a className="px-3 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800" href={api.exportUrl(c.id, "json")} download data-testid="export-json">
                          JSON
                        </a>
                      </div>
                    </details>
                    <Button variant="ghost" size="icon" aria-label={`Delete ${c.title}`} onClick={() => setConfirming(c.id)} data-testid="delete-conversation">
                      <Trash2 className="h-3.5 w-3.5" aria-hidden />
                    </Button>
                  </span>
                </div>
              )}
            </li>
          ))}
          {!loading && items.length === 0 && (
            <li className="px-3 py-2 text-xs text-zinc-500" data-testid="conversation-empty">
              {query.trim() ? "No conversation matches." : "No conversations yet."}
            </li>
          )}
        </ul>
        {nextCursor && (
          <div className="border-t border-zinc-200 p-2 dark:border-zinc-800">
            <Button variant="ghost" size="sm" className="w-full" disabled={loading} onClick={() => void load(query, nextCursor)} data-testid="more-conversations">
              Show more
            </Button>
          </div>
        )}
        {items.length > 0 && !query.trim() && (
          <div className="border-t border-zinc-200 p-2 dark:border-zinc-800">
            <Button variant="ghost" size="sm" className="w-full text-red-700 dark:text-red-400" onClick={() => setConfirmingAll(true)} data-testid="delete-all-conversations">
              <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete all
            </Button>
          </div>
        )}
      </nav>
      <Dialog open={confirmingAll} title="Delete all conversations?" onClose={() => setConfirmingAll(false)} testId="delete-all-dialog">
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Every conversation you have here is deleted from the server, with its messages. This cannot be undone.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" size="sm" onClick={() => setConfirmingAll(false)} data-autofocus data-testid="cancel-delete-all">
            Cancel
          </Button>
          <Button variant="danger" size="sm" onClick={() => void removeAll()} data-testid="confirm-delete-all">
            Delete all
          </Button>
        </div>
      </Dialog>
    </>
  );
}
