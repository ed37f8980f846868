import { approvalSentence } from "@/lib/approval-sentence";

describe("approvalSentence", () => {
  it("reads a create call as verb, object, name and scope", () => {
    expect(approvalSentence("create_team", { organizationSlug: "acme", name: "x" })).toBe("Create team x in acme");
  });

  it("names the project scope and lists the remaining arguments", () => {
    expect(approvalSentence("update_issue", { organizationSlug: "acme", issueId: "API-BACKEND-1", status: "resolved" })).toBe(
      "Update issue API-BACKEND-1 in acme (status: resolved)",
    );
    expect(approvalSentence("create_dsn", { organizationSlug: "acme", projectSlug: "backend", name: "Prod" })).toBe("Create dsn Prod in acme/backend");
  });

  it("skips empty arguments and copes with input that is not an object", () => {
    expect(approvalSentence("delete_monitor", { organizationSlug: "acme", monitorSlug: "nightly", note: "" })).toBe("Delete monitor nightly in acme");
    expect(approvalSentence("whoami", undefined)).toBe("Whoami");
    expect(approvalSentence("update_project", { organizationSlug: "acme", projectSlug: "web", platform: { a: 1 } })).toBe(
      'Update project in acme/web (platform: {"a":1})',
    );
  });
});
