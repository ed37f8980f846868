import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ConversationSidebar } from "../src/components/features/conversation-sidebar";
import { type ConversationSummary, conversations } from "../src/lib/chat-storage";

/** An in-memory conversation store with the server's contract: newest first, q over titles, pages of `pageSize`. */
function store(titles: string[], pageSize = 30) {
  let items: ConversationSummary[] = titles.map((title, i) => ({
    id: `c${i}`,
    title,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
  }));
  const api = {
    list: vi.fn(async (q?: string, cursor?: string) => {
      const all = items
        .filter((c) => !q || c.title.toLowerCase().includes(q.toLowerCase()))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      const start = cursor ? Number(cursor) : 0;
      const next = start + pageSize < all.length ? String(start + pageSize) : null;
      return { items: all.slice(start, start + pageSize), nextCursor: next };
    }),
    rename: vi.fn(async (id: string, title: string) => {
      items = items.map((c) => (c.id === id ? { ...c, title } : c));
      return items.find((c) => c.id === id) as ConversationSummary;
    }),
    remove: vi.fn(async (id: string) => {
      items = items.filter((c) => c.id !== id);
    }),
    removeAll: vi.fn(async () => {
      items = [];
    }),
    exportUrl: conversations.exportUrl,
  };
  return api;
}

// jsdom has no modal dialogs; these do what the browser's do for the attribute the tests look at.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

function setup(api: ReturnType<typeof store>, currentId = "c0") {
  const handlers = { onOpen: vi.fn(), onNew: vi.fn(), onClose: vi.fn(), onDeletedCurrent: vi.fn() };
  render(<ConversationSidebar currentId={currentId} refreshKey={0} open={false} api={api} {...handlers} />);
  return handlers;
}

const titles = () => screen.queryAllByTestId("conversation-item").map((li) => within(li).getAllByRole("link")[0]?.textContent);

test("lists the conversations newest first in a nav landmark, the shown one marked current", async () => {
  setup(store(["Oldest", "Middle", "Newest"]), "c1");
  await waitFor(() => expect(titles()).toEqual(["Newest", "Middle", "Oldest"]));
  expect(screen.getByRole("navigation", { name: "Conversations" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Middle" })).toHaveAttribute("aria-current", "page");
  expect(screen.getByRole("link", { name: "Newest" })).not.toHaveAttribute("aria-current");
});

test("opening a conversation and New chat call back without a page load", async () => {
  const handlers = setup(store(["First", "Second"]));
  await userEvent.click(await screen.findByRole("link", { name: "First" }));
  expect(handlers.onOpen).toHaveBeenCalledWith("c0");
  await userEvent.click(screen.getByRole("button", { name: /New chat/ }));
  expect(handlers.onNew).toHaveBeenCalledOnce();
});

test("pages with nextCursor: Show more appends the next page", async () => {
  setup(store(["a", "b", "c", "d", "e"], 2));
  await waitFor(() => expect(titles()).toEqual(["e", "d"]));
  await userEvent.click(screen.getByRole("button", { name: "Show more" }));
  await waitFor(() => expect(titles()).toEqual(["e", "d", "c", "b"]));
  await userEvent.click(screen.getByRole("button", { name: "Show more" }));
  await waitFor(() => expect(titles()).toEqual(["e", "d", "c", "b", "a"]));
  expect(screen.queryByRole("button", { name: "Show more" })).not.toBeInTheDocument();
});

test("search asks the server with q and says when nothing matches", async () => {
  const api = store(["Checkout crash", "Login timeout", "Checkout latency"]);
  setup(api);
  await waitFor(() => expect(titles()).toHaveLength(3));
  await userEvent.type(screen.getByRole("searchbox", { name: "Search conversations" }), "checkout");
  await waitFor(() => expect(titles()).toEqual(["Checkout latency", "Checkout crash"]));
  expect(api.list).toHaveBeenLastCalledWith("checkout", undefined);
  await userEvent.type(screen.getByRole("searchbox", { name: "Search conversations" }), "zzz");
  expect(await screen.findByText("No conversation matches.")).toBeInTheDocument();
});

test("rename edits the title inline; Escape keeps the old one", async () => {
  const api = store(["Old title"]);
  setup(api);
  await userEvent.click(await screen.findByRole("button", { name: "Rename Old title" }));
  const field = screen.getByRole("textbox", { name: "Conversation title" });
  expect(field).toHaveFocus();
  await userEvent.keyboard("{Escape}");
  expect(api.rename).not.toHaveBeenCalled();
  await userEvent.click(screen.getByRole("button", { name: "Rename Old title" }));
  await userEvent.clear(screen.getByRole("textbox", { name: "Conversation title" }));
  await userEvent.type(screen.getByRole("textbox", { name: "Conversation title" }), "New title{Enter}");
  expect(api.rename).toHaveBeenCalledWith("c0", "New title");
  expect(await screen.findByRole("link", { name: "New title" })).toBeInTheDocument();
});

test("delete asks first; deleting the shown conversation tells the page", async () => {
  const api = store(["Keep", "Drop"]);
  const handlers = setup(api, "c1");
  await userEvent.click(await screen.findByRole("button", { name: "Delete Drop" }));
  await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
  expect(api.remove).not.toHaveBeenCalled();
  await userEvent.click(screen.getByRole("button", { name: "Delete Drop" }));
  await userEvent.click(screen.getByTestId("confirm-delete"));
  await waitFor(() => expect(titles()).toEqual(["Keep"]));
  expect(api.remove).toHaveBeenCalledWith("c1");
  expect(handlers.onDeletedCurrent).toHaveBeenCalledOnce();
});

test("export links download the server's markdown and JSON", async () => {
  setup(store(["Report"]));
  await screen.findByRole("link", { name: "Report" });
  expect(screen.getByTestId("export-markdown")).toHaveAttribute("href", "/api/conversations/c0/export?format=markdown");
  expect(screen.getByTestId("export-json")).toHaveAttribute("href", "/api/conversations/c0/export?format=json");
  expect(screen.getByTestId("export-markdown")).toHaveAttribute("download");
});

test("delete all asks in a dialog that starts on Cancel; confirming empties the list and tells the page", async () => {
  const api = store(["One", "Two"]);
  const handlers = setup(api, "c1");
  await userEvent.click(await screen.findByRole("button", { name: "Delete all" }));
  const dialog = screen.getByRole("dialog", { name: "Delete all conversations?" });
  expect(dialog).toHaveTextContent("This cannot be undone.");
  // A question, set as dialog text: the monospace title is for tool and prompt names.
  expect(within(dialog).getByRole("heading", { name: "Delete all conversations?" })).not.toHaveClass("font-mono");
  expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
  await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  expect(api.removeAll).not.toHaveBeenCalled();
  expect(titles()).toEqual(["Two", "One"]);

  await userEvent.click(screen.getByRole("button", { name: "Delete all" }));
  await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete all" }));
  await waitFor(() => expect(titles()).toEqual([]));
  expect(api.removeAll).toHaveBeenCalledOnce();
  expect(handlers.onDeletedCurrent).toHaveBeenCalledOnce();
  expect(screen.getByText("No conversations yet.")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Delete all" })).not.toBeInTheDocument();
});

test("a failed delete all keeps the list and says why", async () => {
  const api = store(["Stays"]);
  api.removeAll.mockRejectedValueOnce(new Error("The server is unavailable."));
  const handlers = setup(api);
  await userEvent.click(await screen.findByRole("button", { name: "Delete all" }));
  await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete all" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("The server is unavailable.");
  expect(titles()).toEqual(["Stays"]);
  expect(handlers.onDeletedCurrent).not.toHaveBeenCalled();
});
