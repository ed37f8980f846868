import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SignOutEverywhere } from "../src/components/features/sign-out-everywhere";
import { ApiError } from "../src/lib/api-error";

// jsdom has no modal dialogs; these do what the browser's do for the attribute the tests look at.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

function setup(onSignOutEverywhere: () => Promise<void>) {
  const spy = vi.fn(onSignOutEverywhere);
  render(<SignOutEverywhere onSignOutEverywhere={spy} />);
  return { spy, trigger: screen.getByRole("button", { name: "Sign out everywhere" }) };
}

describe("SignOutEverywhere", () => {
  it("asks first, says what it does, and Cancel signs nobody out", async () => {
    const { spy, trigger } = setup(() => Promise.resolve());
    await userEvent.click(trigger);

    const dialog = screen.getByRole("dialog", { name: "Sign out everywhere?" });
    expect(dialog).toHaveTextContent("Signs you out here, in other browsers and in every MCP client you connected.");
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(spy).not.toHaveBeenCalled();
  });

  it("is driven from the keyboard alone and closes once the server confirmed", async () => {
    const { spy, trigger } = setup(() => Promise.resolve());
    trigger.focus();
    await userEvent.keyboard("{Enter}");
    const confirm = screen.getByTestId("logout-everywhere-confirm");
    confirm.focus();
    await userEvent.keyboard(" ");

    expect(spy).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("disables both choices while the request runs, so it is sent once", async () => {
    let finish: () => void = () => undefined;
    const { spy, trigger } = setup(() => new Promise<void>((resolve) => (finish = resolve)));
    await userEvent.click(trigger);
    await userEvent.click(screen.getByTestId("logout-everywhere-confirm"));

    expect(screen.getByTestId("logout-everywhere-confirm")).toBeDisabled();
    expect(screen.getByTestId("logout-everywhere-confirm")).toHaveTextContent("Signing out…");
    expect(screen.getByRole("button", { name: "Cancel" })).toBeDisabled();
    await userEvent.click(screen.getByTestId("logout-everywhere-confirm"));
    expect(spy).toHaveBeenCalledTimes(1);

    finish();
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("shows one error with the server's code when it refuses, and a retry can succeed", async () => {
    const refusal = new ApiError(403, { detail: "The request came from another origin.", code: "FORBIDDEN_ORIGIN" });
    const attempts = [() => Promise.reject(refusal), () => Promise.resolve()];
    const { spy, trigger } = setup(() => attempts.shift()!());
    await userEvent.click(trigger);
    await userEvent.click(screen.getByTestId("logout-everywhere-confirm"));

    const alerts = await screen.findAllByRole("alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent(
      "Could not sign out everywhere: The request came from another origin (FORBIDDEN_ORIGIN). You may still be signed in elsewhere; please try again.",
    );
    expect(screen.getByRole("dialog")).toBeInTheDocument();

    await userEvent.click(screen.getByTestId("logout-everywhere-confirm"));
    expect(spy).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("says the server could not be reached when the request never arrived", async () => {
    const { trigger } = setup(() => Promise.reject(new TypeError("Failed to fetch")));
    await userEvent.click(trigger);
    await userEvent.click(screen.getByTestId("logout-everywhere-confirm"));

    expect(await screen.findByRole("alert")).toHaveTextContent("Could not sign out everywhere: the server could not be reached.");
  });
});
