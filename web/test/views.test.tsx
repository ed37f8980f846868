import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ToolCard } from "../src/components/chat/tool-card";
import { toolsWithViews, viewFor } from "../src/views/registry";

// structuredContent shaped like the tools' outputSchemas (src/SentryMcp.Core/Tools/Output, docs/tools.md).
const hour = 1_780_000_000 - (1_780_000_000 % 3600);
const stats = Array.from({ length: 24 }, (_, i) => ({ timestamp: hour - (23 - i) * 3600, count: i % 5 }));

function issue(overrides: Record<string, unknown> = {}) {
  return {
    id: "1001",
    shortId: "API-BACKEND-1",
    title: "TypeError: Cannot read properties of undefined (reading 'id')",
    culprit: "app/checkout.ts in placeOrder",
    project: "api-backend",
    status: "unresolved",
    substatus: "ongoing",
    level: "error",
    priority: "high",
    count: 1234,
    userCount: 56,
    firstSeen: "2026-11-30T10:00:00Z",
    lastSeen: "2026-12-01T10:00:00Z",
    assignedTo: "user:1",
    url: "https://acme.sentry.io/issues/1001/",
    stats,
    ...overrides,
  };
}

const frames = [
  { filename: "node_modules/express/lib/router.js", function: "handle", module: null, lineNo: 10, colNo: 3, inApp: false, context: null },
  { filename: "node_modules/express/lib/layer.js", function: "next", module: null, lineNo: 20, colNo: 1, inApp: false, context: null },
  {
    filename: "app/checkout.ts",
    function: "placeOrder",
    module: null,
    lineNo: 42,
    colNo: 7,
    inApp: true,
    context: [
      { lineNo: 40, line: "export function placeOrder(cart: Cart) {" },
      { lineNo: 41, line: "  const user = cart.owner;" },
      { lineNo: 42, line: "  return charge(user.id, cart.total);" },
      { lineNo: 43, line: "}" },
    ],
  },
];

const details = {
  issue: issue(),
  event: {
    id: "abcdef0123456789abcdef0123456789",
    title: "TypeError",
    message: null,
    platform: "javascript",
    dateCreated: "2026-12-01T10:00:00Z",
    release: "web@1.2.3",
    traceId: null,
    exceptions: [{ type: "TypeError", value: "Cannot read properties of undefined (reading 'id')", mechanism: "onerror", handled: false, frames }],
    tags: [{ key: "browser", value: "Chrome" }],
  },
  seer: null,
  tags: [
    { key: "browser", name: "Browser", totalValues: 100, topValues: [{ value: "Chrome", count: 75 }, { value: "Firefox", count: 25 }] },
    { key: "environment", name: "Environment", totalValues: 10, topValues: [{ value: "production", count: 10 }] },
  ],
};

function card(tool: string, structured: unknown, text = "# Result\n\n**Status**: ok") {
  return render(<ToolCard name={tool} input={{}} status="done" result={text} structured={structured} />);
}

describe("registry", () => {
  it("knows the core views", () => {
    expect(toolsWithViews()).toEqual(
      expect.arrayContaining(["get_issue_details", "search_issues", "get_event_stacktrace", "find_releases", "get_release_details", "find_monitors", "get_monitor_details", "find_uptime_monitors", "get_uptime_monitor_details"]),
    );
  });

  it.each([
    ["get_issue_details", { something: "else" }],
    ["get_issue_details", { issue: { title: "no id" } }],
    ["search_issues", { issues: "not a list" }],
    ["get_event_stacktrace", { issueId: "X", thread: null, threads: [] }],
    ["get_release_details", { release: { shortVersion: "no version" } }],
    ["get_monitor_details", { monitor: { name: "no slug" } }],
    ["find_uptime_monitors", {}],
    ["not_a_tool_with_a_view", details],
  ])("falls back to text for %s with data of another shape", (tool, data) => {
    expect(viewFor(tool, data)).toBeNull();
  });

  it("a card with an unknown shape shows the markdown result", async () => {
    card("get_issue_details", { unexpected: true });
    expect(screen.queryByTestId("tool-view")).toBeNull();
    await userEvent.click(screen.getByTestId("tool-result-toggle"));
    expect(await screen.findByText("Status")).toBeInTheDocument();
  });
});

describe("issue view", () => {
  it("shows title, badges, figures, the sparkline, tags and the in-app frame", async () => {
    card("get_issue_details", details);
    const view = await screen.findByTestId("view-issue");
    expect(screen.getByTestId("tool-view-title")).toHaveTextContent("Issue API-BACKEND-1");
    expect(within(view).getByTestId("issue-title")).toHaveTextContent("TypeError: Cannot read properties");
    expect(within(view).getByTestId("badge-level")).toHaveTextContent("error");
    expect(within(view).getByTestId("badge-status")).toHaveTextContent("unresolved · ongoing");
    expect(within(view).getByTestId("badge-priority")).toHaveTextContent("high");
    expect(within(view).getByTestId("issue-events")).toHaveTextContent("1.2K");
    expect(within(view).getByTestId("issue-users")).toHaveTextContent("56");
    const sparkline = within(view).getByTestId("sparkline");
    expect(sparkline).toHaveAttribute("data-point-count", "24");
    expect(sparkline.querySelector("polyline")?.getAttribute("points")?.split(" ")).toHaveLength(24);
    expect(within(view).getByRole("img", { name: /Events per bucket: 46 in 24 buckets, peak 4/ })).toBeInTheDocument();
    expect(within(view).getByRole("table", { name: "Events per bucket" })).toBeInTheDocument();
    const browser = within(view).getAllByTestId("tag-summary")[0] as HTMLElement;
    expect(browser).toHaveTextContent("Chrome");
    expect(browser).toHaveTextContent("75%");
    expect(within(view).getByRole("meter", { name: "Chrome" })).toHaveAttribute("aria-valuetext", "75%");
    const appFrame = within(view)
      .getAllByTestId("stack-frame")
      .find((f) => f.dataset.inApp === "true") as HTMLElement;
    expect(appFrame).toHaveTextContent("placeOrder");
    const errorLine = appFrame.querySelector("[data-error-line]") as HTMLElement;
    expect(errorLine).toHaveTextContent("42");
    expect(errorLine).toHaveAttribute("aria-current", "true");
    expect(within(view).getByTestId("library-frames")).toHaveTextContent("Show 2 library frames");
    expect(within(view).getByTestId("issue-link")).toHaveAttribute("href", "https://acme.sentry.io/issues/1001/");
  });

  it("renders HTML in titles as text, and a javascript: URL as no link", async () => {
    const hostile = {
      ...details,
      issue: issue({ title: '<img src=x onerror="alert(1)">Boom', culprit: "<script>alert(2)</script>", url: "javascript:alert(3)" }),
    };
    const { container } = card("get_issue_details", hostile);
    const title = await screen.findByTestId("issue-title");
    expect(title).toHaveTextContent('<img src=x onerror="alert(1)">Boom');
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it("draws an issue with most fields missing", async () => {
    card("get_issue_details", { issue: { shortId: "WEB-9" } });
    const view = await screen.findByTestId("view-issue");
    expect(within(view).getByTestId("issue-title")).toHaveTextContent("(untitled issue)");
    expect(within(view).getByTestId("issue-events")).toHaveTextContent("—");
    expect(within(view).queryByTestId("sparkline")).toBeNull();
  });

  it("keeps going when fields have the wrong types", async () => {
    card("get_issue_details", { issue: { shortId: "WEB-9", count: "many", stats: "x", level: 3 }, event: "nope", tags: [{ key: 1 }, { key: "os", topValues: [{ value: "Linux", count: 2 }] }] });
    const view = await screen.findByTestId("view-issue");
    expect(within(view).queryByTestId("badge-level")).toBeNull();
    expect(within(view).getAllByTestId("tag-summary")).toHaveLength(1);
  });
});

describe("issue list view", () => {
  const list = {
    query: "is:unresolved",
    sort: "date",
    period: "14d",
    issues: [
      issue({ id: "1", shortId: "WEB-1", count: 5, level: "warning", lastSeen: "2026-12-01T09:00:00Z" }),
      issue({ id: "2", shortId: "WEB-2", count: 500, level: "fatal", lastSeen: "2026-12-01T08:00:00Z", stats: null }),
      issue({ id: "3", shortId: "WEB-3", count: 50, level: "error", status: "resolved", lastSeen: "2026-12-01T10:00:00Z" }),
    ],
    hasMore: true,
    nextCursor: "abc",
  };

  const order = () => screen.getAllByTestId("issue-row").map((r) => r.dataset.issue);

  it("shows compact rows with badges and sparklines, sortable by clicking headers", async () => {
    card("search_issues", list);
    const view = await screen.findByTestId("view-issue-list");
    expect(screen.getByTestId("tool-view-title")).toHaveTextContent("3+ issues for is:unresolved");
    expect(order()).toEqual(["WEB-1", "WEB-2", "WEB-3"]);
    expect(within(view).getAllByTestId("sparkline")).toHaveLength(2);
    const events = within(view).getByRole("columnheader", { name: /Events/ });
    expect(events).toHaveAttribute("aria-sort", "none");
    await userEvent.click(within(events).getByRole("button"));
    expect(order()).toEqual(["WEB-2", "WEB-3", "WEB-1"]);
    expect(events).toHaveAttribute("aria-sort", "descending");
    await userEvent.click(within(events).getByRole("button"));
    expect(order()).toEqual(["WEB-1", "WEB-3", "WEB-2"]);
    expect(events).toHaveAttribute("aria-sort", "ascending");
    await userEvent.click(screen.getByTestId("sort-level"));
    expect(order()).toEqual(["WEB-2", "WEB-3", "WEB-1"]);
    await userEvent.click(screen.getByTestId("sort-lastSeen"));
    expect(order()).toEqual(["WEB-3", "WEB-1", "WEB-2"]);
  });

  it("an empty list says so", async () => {
    card("search_issues", { query: "x", issues: [], hasMore: false });
    expect(await screen.findByText("No issues match.")).toBeInTheDocument();
  });
});

describe("stack trace view", () => {
  it("shows the thread, in-app frames emphasised, library frames folded", async () => {
    card("get_event_stacktrace", {
      issueId: "API-BACKEND-1",
      eventId: "abcdef0123456789abcdef0123456789",
      thread: { id: "1", name: "main", crashed: true, current: true, frames },
      selectionReason: "Sentry's default selection.",
      threads: [
        { id: "1", name: "main", crashed: true, current: true, frameCount: 3 },
        { id: "2", name: "worker", crashed: false, current: false, frameCount: 8 },
      ],
    });
    const view = await screen.findByTestId("view-stacktrace");
    expect(screen.getByTestId("tool-view-title")).toHaveTextContent("Stack trace of API-BACKEND-1 · thread main");
    expect(within(view).getAllByTestId("stack-frame")).toHaveLength(1);
    const group = within(view).getByRole("button", { name: "Show 2 library frames" });
    expect(group).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(group);
    expect(within(view).getAllByTestId("stack-frame")).toHaveLength(3);
    expect(within(view).getAllByTestId("stack-frame").map((f) => f.dataset.inApp)).toEqual(["true", "false", "false"]);
    // The crashing in-app frame is open, its source highlighted by highlight.js once loaded.
    const source = within(view).getByTestId("source-context");
    await vi.waitFor(() => expect(source.querySelector(".hljs-keyword")).not.toBeNull());
    expect(within(view).getByText("Other threads (1)")).toBeInTheDocument();
  });

  it("renders a 5,000-frame stack without hanging: the newest 200 first, the rest on request", async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ filename: `src/f${i}.py`, function: `f${i}`, lineNo: i + 1, inApp: true }));
    const started = performance.now();
    card("get_event_stacktrace", { issueId: "PY-1", eventId: "e", thread: { id: "1", name: "main", crashed: true, frames: many }, threads: [] });
    const view = await screen.findByTestId("view-stacktrace");
    expect(within(view).getAllByTestId("stack-frame")).toHaveLength(200);
    expect(within(view).getAllByTestId("stack-frame")[0]).toHaveTextContent("f4999");
    await userEvent.click(within(view).getByTestId("show-older-frames"));
    expect(within(view).getAllByTestId("stack-frame")).toHaveLength(5000);
    // Not a timing assertion: it only has to finish, and a hang would time the test out.
    expect(performance.now()).toBeGreaterThan(started);
  });

  it("falls back when the event has no stack trace", () => {
    expect(viewFor("get_event_stacktrace", { issueId: "X", eventId: "e", thread: { frames: [] }, threads: [] })).toBeNull();
  });
});

describe("release views", () => {
  const release = {
    version: "web@1.2.3+abc",
    shortVersion: "1.2.3",
    projects: ["web"],
    dateCreated: "2026-11-30T10:00:00Z",
    dateReleased: "2026-11-30T11:00:00Z",
    newGroups: 3,
    commitCount: 12,
    deployCount: 2,
    lastDeployEnvironment: "production",
    url: "https://acme.sentry.io/releases/web@1.2.3/",
  };

  it("lists releases", async () => {
    card("find_releases", { releases: [release, { ...release, version: "web@1.2.2", shortVersion: null, dateReleased: null }], hasMore: false });
    const view = await screen.findByTestId("view-release-list");
    expect(within(view).getAllByTestId("release-row")).toHaveLength(2);
    expect(within(view).getByText("web@1.2.2")).toBeInTheDocument();
    expect(within(view).getByText("not released")).toBeInTheDocument();
  });

  it("shows crash-free and adoption figures", async () => {
    card("get_release_details", {
      release,
      deploys: [{ id: "d1", environment: "production", name: null, dateStarted: null, dateFinished: "2026-11-30T11:00:00Z" }],
      commits: [{ id: "0123456789", message: "Fix checkout\n\nbody", author: "Jane", repository: "acme/web", dateCreated: null }],
      health: { project: "web", crashFreeSessions: 99.52, crashFreeUsers: 97.1, totalSessions: 12000, totalUsers: 800, adoption: 42.5, stage: "adopted" },
    });
    const health = await screen.findByTestId("release-health");
    expect(within(health).getByRole("meter", { name: "Crash-free sessions" })).toHaveAttribute("aria-valuetext", "99.52%");
    expect(within(health).getByRole("meter", { name: "Crash-free users" })).toHaveAttribute("aria-valuetext", "97.10%");
    expect(within(health).getByRole("meter", { name: "Adoption" })).toHaveAttribute("aria-valuetext", "42.5%");
    expect(screen.getByTestId("release-stage")).toHaveTextContent("adopted");
    expect(screen.getByText("Fix checkout")).toBeInTheDocument();
  });

  it("without health shows no health section", async () => {
    card("get_release_details", { release, deploys: [], commits: [], health: null });
    await screen.findByTestId("view-release");
    expect(screen.queryByTestId("release-health")).toBeNull();
  });
});

describe("monitor views", () => {
  const monitor = {
    id: "m1",
    slug: "nightly-backup",
    name: "Nightly backup",
    projectSlug: "api-backend",
    status: "active",
    owner: null,
    lastCheckIn: "2026-12-01T02:00:00Z",
    nextCheckIn: "2026-12-02T02:00:00Z",
    webUrl: "https://acme.sentry.io/crons/api-backend/nightly-backup/",
    schedule: { type: "crontab", value: "0 2 * * *", checkInMargin: 5, maxRuntime: 30 },
    environments: [{ name: "production", status: "error", lastCheckIn: "2026-12-01T02:00:00Z" }],
    hasMoreEnvironments: false,
  };

  it("draws the check-in strip per interval and for recent check-ins", async () => {
    const bucket = (t: string, ok: number, error: number, missed: number) => ({ timestamp: t, ok, error, missed, timeout: 0, inProgress: 0, unknown: 0, durationMs: null });
    card("get_monitor_details", {
      monitor,
      checkIns: [
        { id: "c3", status: "error", durationMs: 1200, environment: "production", dateCreated: "2026-12-01T02:00:00Z", expectedTime: null },
        { id: "c2", status: "missed", durationMs: null, environment: "production", dateCreated: "2026-11-30T02:00:00Z", expectedTime: null },
        { id: "c1", status: "ok", durationMs: 900, environment: "production", dateCreated: "2026-11-29T02:00:00Z", expectedTime: null },
      ],
      stats: [bucket("2026-11-29T00:00:00Z", 1, 0, 0), bucket("2026-11-30T00:00:00Z", 0, 0, 1), bucket("2026-12-01T00:00:00Z", 0, 1, 0), bucket("2026-12-02T00:00:00Z", 0, 0, 0)],
    });
    const strip = await screen.findByTestId("checkin-strip");
    expect([...strip.querySelectorAll("[data-status]")].map((c) => c.getAttribute("data-status"))).toEqual(["ok", "missed", "error", "none"]);
    expect(strip).toHaveAccessibleName("Check-ins per interval: 4 intervals, 1 ok, 1 missed, 1 error, 1 no check-in");
    const recent = screen.getByTestId("recent-checkins");
    expect([...recent.querySelectorAll("[data-status]")].map((c) => c.getAttribute("data-status"))).toEqual(["ok", "missed", "error"]);
    expect(screen.getByTestId("badge-environment")).toHaveTextContent("production: error");
  });

  it("lists cron and uptime monitors, and shows uptime checks", async () => {
    const { unmount } = card("find_monitors", { monitors: [monitor], hasMore: false, nextCursor: null });
    expect(await screen.findByTestId("monitor-row")).toHaveTextContent("0 2 * * *");
    unmount();
    const uptime = { id: "u1", name: "Homepage", projectSlug: "web", status: "active", uptimeStatus: "failed", url: "https://acme.com/", method: "GET", intervalSeconds: 60, environment: "production", owner: null, webUrl: "https://acme.sentry.io/alerts/rules/uptime/web/u1/details/", timeoutMs: 5000 };
    const second = card("find_uptime_monitors", { monitors: [uptime], hasMore: false });
    expect(await screen.findByTestId("uptime-row")).toHaveTextContent("every 1 min");
    second.unmount();
    card("get_uptime_monitor_details", {
      monitor: uptime,
      headers: [],
      checks: [
        { id: "k2", scheduledCheckTime: "2026-12-01T10:01:00Z", checkStatus: "failure", checkStatusReason: "timeout", httpStatusCode: null, durationMs: 5000, region: "us" },
        { id: "k1", scheduledCheckTime: "2026-12-01T10:00:00Z", checkStatus: "success", checkStatusReason: null, httpStatusCode: 200, durationMs: 120, region: "us" },
      ],
    });
    const strip = await screen.findByTestId("uptime-strip");
    expect([...strip.querySelectorAll("[data-status]")].map((c) => c.getAttribute("data-status"))).toEqual(["ok", "error"]);
    expect(screen.getByTestId("badge-uptime")).toHaveTextContent("failed");
  });
});
