import { loadDismissed, saveDismissed } from "@/lib/dismissed-banners";

const KEY = "sentry-mcp-chat:dismissed-banners:v1";

describe("dismissed banners", () => {
  beforeEach(() => localStorage.clear());

  it("round-trips through localStorage", () => {
    saveDismissed(new Set(["sandbox", "no-llm"]));
    expect([...loadDismissed()].sort()).toEqual(["no-llm", "sandbox"]);
  });

  it("treats malformed stored data as nothing dismissed", () => {
    for (const raw of ["not json", '{"sandbox":true}', "[1,2]", JSON.stringify(Array(50).fill("x"))]) {
      localStorage.setItem(KEY, raw);
      expect(loadDismissed().size).toBe(0);
    }
  });
});
