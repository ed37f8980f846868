import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readUIMessageStream, type UIMessageChunk } from "ai";
import { MessageView } from "../src/components/chat/message-view";
import type { ChatMessage } from "../src/lib/chat-types";

// A canned UI message stream, shaped like the chat API's (docs/chat-api.md): text, a dynamic MCP
// tool with output, a write tool waiting for approval, and a denied one.
const chunks: UIMessageChunk[] = [
  { type: "start", messageId: "a1", messageMetadata: { model: "gpt-4o" } },
  { type: "start-step" },
  { type: "tool-input-start", toolCallId: "t1", toolName: "find_organizations", dynamic: true },
  { type: "tool-input-available", toolCallId: "t1", toolName: "find_organizations", input: { query: "acme" }, dynamic: true },
  { type: "tool-output-available", toolCallId: "t1", output: { content: [{ type: "text", text: "# Organizations\n\n- acme" }], isError: false }, dynamic: true },
  { type: "finish-step" },
  { type: "start-step" },
  { type: "text-start", id: "x1" },
  { type: "text-delta", id: "x1", delta: "Here are your **issues**:\n\n| Issue | Events |\n|---|---|\n" },
  { type: "text-delta", id: "x1", delta: "| API-BACKEND-1 | 42 |\n" },
  { type: "text-end", id: "x1" },
  { type: "tool-input-available", toolCallId: "t2", toolName: "update_issue", input: { issueId: "API-BACKEND-1", status: "resolved" }, dynamic: true },
  { type: "tool-approval-request", approvalId: "ap1", toolCallId: "t2" },
  { type: "tool-input-available", toolCallId: "t3", toolName: "update_project", input: { projectSlug: "web" }, dynamic: true },
  { type: "tool-output-denied", toolCallId: "t3" },
  { type: "tool-input-available", toolCallId: "t4", toolName: "get_issue_details", input: { issueId: "X" }, dynamic: true },
  { type: "tool-output-error", toolCallId: "t4", errorText: "Issue X not found", dynamic: true },
  { type: "finish-step" },
  { type: "finish" },
];

async function assemble(): Promise<ChatMessage> {
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  let last: ChatMessage | undefined;
  for await (const message of readUIMessageStream<ChatMessage>({ stream })) last = message;
  if (!last) throw new Error("no message");
  return last;
}

describe("stream rendering", () => {
  it("renders tool cards with their status and the markdown answer", async () => {
    const message = await assemble();
    const onApproval = vi.fn();
    render(<MessageView message={message} onApproval={onApproval} streaming={false} />);

    const cards = screen.getAllByTestId("tool-card");
    expect(cards.map((c) => [c.dataset.toolName, c.dataset.status])).toEqual([
      ["find_organizations", "done"],
      ["update_issue", "approval"],
      ["update_project", "denied"],
      ["get_issue_details", "error"],
    ]);
    expect(within(cards[0]!).getByText(/"query": "acme"/)).toBeInTheDocument();
    expect(within(cards[3]!).getByTestId("tool-result")).toHaveTextContent("Issue X not found");

    const table = await screen.findByRole("table");
    expect(within(table).getByText("API-BACKEND-1")).toBeInTheDocument();
    expect(screen.getByText("issues").tagName).toBe("STRONG");

    await userEvent.click(within(cards[1]!).getByTestId("tool-approve"));
    expect(onApproval).toHaveBeenCalledWith("ap1", true);
    await userEvent.click(within(cards[1]!).getByTestId("tool-deny"));
    expect(onApproval).toHaveBeenCalledWith("ap1", false);
  });

  it("shows a collapsed result with a size hint until expanded", async () => {
    const message = await assemble();
    render(<MessageView message={message} onApproval={() => undefined} streaming={false} />);
    const card = screen.getAllByTestId("tool-card")[0]!;
    const toggle = within(card).getByTestId("tool-result-toggle");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveTextContent(/3 lines, 2\d B/);
    await userEvent.click(toggle);
    expect(await within(card).findByRole("heading", { name: "Organizations" })).toBeInTheDocument();
  });

  it("copies a tool result as the tool wrote it, without opening it", async () => {
    const user = userEvent.setup();
    const message = await assemble();
    render(<MessageView message={message} onApproval={() => undefined} streaming={false} />);
    const card = screen.getAllByTestId("tool-card")[0]!;
    await user.click(within(card).getByRole("button", { name: "Copy result" }));
    expect(await navigator.clipboard.readText()).toBe("# Organizations\n\n- acme");
    expect(within(card).getByTestId("tool-result-toggle")).toHaveAttribute("aria-expanded", "false");
  });

  it("offers copy and regenerate only when the answer is complete", async () => {
    const message = await assemble();
    const { rerender } = render(<MessageView message={message} onApproval={() => undefined} streaming onRegenerate={() => undefined} />);
    expect(screen.queryByTestId("regenerate")).not.toBeInTheDocument();
    rerender(<MessageView message={message} onApproval={() => undefined} streaming={false} onRegenerate={() => undefined} />);
    expect(screen.getByTestId("regenerate")).toBeInTheDocument();
    expect(screen.getByTestId("copy-message")).toBeInTheDocument();
  });
});
