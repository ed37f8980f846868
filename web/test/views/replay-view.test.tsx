import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { groupOf, replaySchema } from "../../src/views/replay-schema";
import { ReplayView } from "../../src/views/replay-view";

const parse = (data: unknown) => replaySchema.parse(data);

const checkout = {
  id: "8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d",
  url: "https://acme.sentry.io/explore/replays/8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d/",
  startedAt: "2026-12-02T01:00:00+00:00",
  durationSeconds: 72,
  user: "Jane Doe",
  browser: "Chrome 131",
  os: "macOS 15",
  relatedErrors: [{ eventId: "e1", issue: "API-BACKEND-1", title: "AttributeError: 'NoneType' object has no attribute 'email'" }],
  timeline: [
    { offsetSeconds: 0, kind: "page.view", description: "https://shop.acme.example/cart" },
    { offsetSeconds: 18.4, kind: "click", description: 'button.checkout-btn[data-test-id="proceed-to-checkout"]' },
    { offsetSeconds: 42.5, kind: "request", description: "GET https://api.acme.example/api/users/4812/ → 500 · 236ms" },
    { offsetSeconds: 42.8, kind: "console.error", description: "Failed to load profile" },
    { offsetSeconds: 44.1, kind: "rage.click", description: "button.pay-now (5 clicks)" },
    { offsetSeconds: 61.2, kind: "navigation", description: "/support?topic=payment" },
  ],
};

describe("replay timeline", () => {
  it("lists clicks, navigations and errors in time order with their offsets, and marks them on the strip", () => {
    render(<ReplayView data={parse(checkout)} />);

    const moments = screen.getAllByTestId("replay-moment");
    expect(moments.map((m) => m.dataset.group)).toEqual(["navigation", "click", "error", "error", "click", "navigation"]);
    expect(moments[2]).toHaveTextContent("0:42");
    expect(screen.getAllByTestId("replay-marker")).toHaveLength(6);
    expect(screen.getByTestId("replay-filter-error")).toHaveTextContent("Errors (2)");
    expect(screen.getByTestId("replay-errors")).toHaveTextContent("API-BACKEND-1 AttributeError");
    expect(screen.getByText("Jane Doe · Chrome 131 on macOS 15 · 1:12 · started 2026-12-02 01:00 UTC", { exact: false })).toBeInTheDocument();
  });

  it("hides and shows a kind of moment with its filter button", async () => {
    const user = userEvent.setup();
    render(<ReplayView data={parse(checkout)} />);

    await user.click(screen.getByTestId("replay-filter-click"));
    expect(screen.getByTestId("replay-filter-click")).toHaveAttribute("aria-pressed", "false");
    expect(screen.getAllByTestId("replay-moment").map((m) => m.dataset.group)).not.toContain("click");
    await user.click(screen.getByTestId("replay-filter-click"));
    expect(screen.getAllByTestId("replay-moment")).toHaveLength(6);
  });

  it("keeps moments without offsets, skips broken ones and shows HTML as text", () => {
    const { container } = render(
      <ReplayView
        data={parse({
          id: "r",
          timeline: [{ kind: "click", description: "<img src=x onerror=alert(1)>" }, { offsetSeconds: "soon", kind: "navigation" }, { description: "no kind" }, 42, null],
        })}
      />,
    );
    const moments = screen.getAllByTestId("replay-moment");
    expect(moments).toHaveLength(2);
    expect(moments[0]).toHaveTextContent("—");
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText("<img src=x onerror=alert(1)>")).toBeInTheDocument();
    expect(screen.queryAllByTestId("replay-marker")).toHaveLength(0);
  });

  it("says when nothing was recorded, and needs at least a replay id", () => {
    render(<ReplayView data={parse({ id: "r", archived: true })} />);
    expect(screen.getByText("No recorded moments.")).toBeInTheDocument();
    expect(screen.getByText(/archived/)).toBeInTheDocument();
    expect(replaySchema.safeParse({ timeline: [] }).success).toBe(false);
  });

  it("counts a failed request as an error and a successful one as neither", () => {
    expect(groupOf("request", "POST /api/orders/checkout/ → 504 · 3,612ms")).toBe("error");
    expect(groupOf("request", "GET /api/feed/ → 200 · 80ms")).toBe("other");
    expect(groupOf("dead.click", "a.more")).toBe("click");
  });
});
