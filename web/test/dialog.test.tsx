import { render, screen } from "@testing-library/react";
import { Dialog } from "../src/components/ui/dialog";

// jsdom has no modal dialogs; these do what the browser's do for the attribute the tests look at.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

test("a dialog's title is set as text unless it is a tool's or prompt's name", () => {
  const { unmount } = render(
    <Dialog open title="Sign out everywhere?" onClose={() => {}}>
      body
    </Dialog>,
  );
  expect(screen.getByRole("heading", { name: "Sign out everywhere?" })).not.toHaveClass("font-mono");
  unmount();

  render(
    <Dialog open title="find_issues" codeTitle onClose={() => {}}>
      body
    </Dialog>,
  );
  expect(screen.getByRole("heading", { name: "find_issues" })).toHaveClass("font-mono");
});
