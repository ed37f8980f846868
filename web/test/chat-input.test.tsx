import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ChatInput } from "../src/components/chat/chat-input";

function setup(busy = false) {
  const onSubmit = vi.fn();
  const onStop = vi.fn();
  render(<ChatInput busy={busy} placeholder="Ask" onSubmit={onSubmit} onStop={onStop} />);
  return { onSubmit, onStop, input: screen.getByRole("combobox", { name: "Message" }) };
}

describe("ChatInput", () => {
  it("sends on Enter and inserts a newline on Shift+Enter", async () => {
    const { onSubmit, input } = setup();
    await userEvent.type(input, "first line{Shift>}{Enter}{/Shift}second");
    expect(input).toHaveValue("first line\nsecond");
    await userEvent.keyboard("{Enter}");
    expect(onSubmit).toHaveBeenCalledWith("first line\nsecond");
    expect(input).toHaveValue("");
  });

  it("completes slash commands and runs the highlighted one", async () => {
    const { onSubmit, input } = setup();
    await userEvent.type(input, "/");
    expect(screen.getAllByRole("option")).toHaveLength(5);
    await userEvent.type(input, "to");
    expect(screen.getByRole("option", { name: /\/tools/ })).toHaveAttribute("aria-selected", "true");
    await userEvent.keyboard("{Enter}");
    expect(onSubmit).toHaveBeenCalledWith("/tools");
  });

  it("closes the completion list on Escape", async () => {
    const { input } = setup();
    await userEvent.type(input, "/he");
    expect(screen.getByTestId("slash-suggestions")).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByTestId("slash-suggestions")).not.toBeInTheDocument();
  });

  it("shows Stop while the assistant is answering", async () => {
    const { onStop } = setup(true);
    await userEvent.click(screen.getByRole("button", { name: "Stop generating" }));
    expect(onStop).toHaveBeenCalled();
  });

  it("holds questions while rate-limited but still runs commands, and keeps text the page refused", async () => {
    const onSubmit = vi.fn((text: string) => (text === "refused" ? false : undefined));
    render(<ChatInput busy={false} waitSeconds={12} placeholder="Ask" onSubmit={onSubmit} onStop={vi.fn()} />);
    const input = screen.getByRole("combobox", { name: "Message" });
    await userEvent.type(input, "what broke?{Enter}");
    expect(onSubmit).not.toHaveBeenCalled();
    expect(input).toHaveValue("what broke?");
    expect(screen.getByRole("button", { name: "You can send again in 12 seconds" })).toBeDisabled();

    await userEvent.clear(input);
    await userEvent.type(input, "/help ");
    await userEvent.keyboard("{Enter}");
    expect(onSubmit).toHaveBeenCalledWith("/help ");
    expect(input).toHaveValue("");

    await userEvent.type(input, "/prompt triage{Enter}");
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("keeps the text when the page does not send it", async () => {
    const onSubmit = vi.fn(() => false);
    render(<ChatInput busy={false} placeholder="Ask" onSubmit={onSubmit} onStop={vi.fn()} />);
    const input = screen.getByRole("combobox", { name: "Message" });
    await userEvent.type(input, "refused{Enter}");
    expect(onSubmit).toHaveBeenCalledWith("refused");
    expect(input).toHaveValue("refused");
  });
});
