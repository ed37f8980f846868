import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MessageView } from "../src/components/chat/message-view";
import type { ChatMessage } from "../src/lib/chat-types";

const question: ChatMessage = { id: "u1", role: "user", parts: [{ type: "text", text: "Which issues are new?" }] };

function setup(onEdit?: (text: string) => boolean) {
  render(<MessageView message={question} onApproval={() => undefined} streaming={false} onEdit={onEdit} />);
}

describe("edit and resend", () => {
  it("opens the question in a field that starts at its end; Enter sends the new text", async () => {
    const onEdit = vi.fn(() => true);
    setup(onEdit);
    await userEvent.click(screen.getByRole("button", { name: "Edit message" }));
    const field = screen.getByRole("textbox", { name: "Edit your message" });
    expect(field).toHaveFocus();
    expect(field).toHaveValue("Which issues are new?");
    expect(screen.getByTestId("message-edit-send")).toBeDisabled();
    await userEvent.keyboard(" Since Monday?{Enter}");
    expect(onEdit).toHaveBeenCalledWith("Which issues are new? Since Monday?");
    expect(screen.queryByRole("textbox", { name: "Edit your message" })).not.toBeInTheDocument();
  });

  it("Esc cancels without sending and does not reach the page (which would stop an answer)", async () => {
    const onEdit = vi.fn(() => true);
    const pageKeys = vi.fn();
    document.addEventListener("keydown", pageKeys);
    setup(onEdit);
    await userEvent.click(screen.getByRole("button", { name: "Edit message" }));
    await userEvent.keyboard(" changed{Escape}");
    document.removeEventListener("keydown", pageKeys);
    expect(onEdit).not.toHaveBeenCalled();
    expect(pageKeys).not.toHaveBeenCalledWith(expect.objectContaining({ key: "Escape" }));
    expect(screen.getByTestId("message-user")).toHaveTextContent("Which issues are new?");
  });

  it("keeps the editor open when the page could not send it", async () => {
    setup(() => false);
    await userEvent.click(screen.getByRole("button", { name: "Edit message" }));
    await userEvent.keyboard("!");
    await userEvent.click(screen.getByTestId("message-edit-send"));
    expect(screen.getByRole("textbox", { name: "Edit your message" })).toHaveValue("Which issues are new?!");
  });

  it("offers no edit when the page says the question cannot be edited", () => {
    setup(undefined);
    expect(screen.queryByRole("button", { name: "Edit message" })).not.toBeInTheDocument();
  });
});
