import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ToolCard } from "../src/components/chat/tool-card";
import type { ResolvedView } from "../src/views/registry";
import { viewFor } from "../src/views/registry";
import { ViewFrame } from "../src/views/view-frame";

const text = "# Issue\n\n**Status**: unresolved\n**Level**: error";

function Good({ data }: { data: { name: string } }) {
  return <p data-testid="good-view">{data.name}</p>;
}

function Broken(): never {
  throw new Error("view bug");
}

describe("viewFor", () => {
  it("answers null for unknown tools and for data that is not an object", () => {
    expect(viewFor("no_such_tool", { a: 1 })).toBeNull();
    expect(viewFor("get_issue_details", null)).toBeNull();
    expect(viewFor("get_issue_details", undefined)).toBeNull();
    expect(viewFor("get_issue_details", "text")).toBeNull();
    expect(viewFor("get_issue_details", 42)).toBeNull();
  });
});

describe("ViewFrame", () => {
  it("shows the view with a title, and the text on request", async () => {
    const view: ResolvedView = { View: Good, data: { name: "from data" }, title: "My title" };
    render(<ViewFrame view={view} text={text} toolName="tool_x" />);
    expect(screen.getByTestId("good-view")).toHaveTextContent("from data");
    expect(screen.getByRole("heading", { name: "My title" })).toBeInTheDocument();
    const toggle = screen.getByRole("button", { name: /show as text/i });
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(toggle);
    expect(screen.queryByTestId("good-view")).toBeNull();
    // Line breaks survive: two separate lines, not "unresolved **Level**" run together.
    const result = await screen.findByTestId("tool-result");
    await screen.findByText("Status");
    expect(result.querySelectorAll("br").length).toBeGreaterThanOrEqual(1);
    await userEvent.click(screen.getByRole("button", { name: /show as view/i }));
    expect(screen.getByTestId("good-view")).toBeInTheDocument();
  });

  it("copies the text output", async () => {
    const user = userEvent.setup();
    const view: ResolvedView = { View: Good, data: { name: "x" }, title: undefined };
    render(<ViewFrame view={view} text={text} toolName="tool_x" />);
    expect(screen.getByRole("heading", { name: "tool_x" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Copy text" }));
    expect(await navigator.clipboard.readText()).toBe(text);
  });

  it("falls back to the text when the view throws", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const view: ResolvedView = { View: Broken, data: {}, title: "Broken" };
    render(<ViewFrame view={view} text={text} toolName="tool_x" />);
    const fallback = await screen.findByTestId("tool-view-fallback");
    expect(fallback).toHaveTextContent("could not be drawn");
    await screen.findByText("Status");
    warn.mockRestore();
    error.mockRestore();
  });
});

describe("ToolCard without a view", () => {
  it("keeps the line breaks of the markdown output", async () => {
    render(<ToolCard name="no_view_tool" input={{}} status="done" result={text} structured={{ any: "thing" }} />);
    expect(screen.queryByTestId("tool-view")).toBeNull();
    await userEvent.click(screen.getByTestId("tool-result-toggle"));
    const result = screen.getByTestId("tool-result");
    await screen.findByText("Level");
    expect(result.querySelectorAll("br").length).toBeGreaterThanOrEqual(1);
  });
});
