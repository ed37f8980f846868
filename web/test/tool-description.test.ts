import { humanDescription } from "@/lib/tool-description";

describe("humanDescription", () => {
  it("drops the model-facing examples and hints sections", () => {
    const text =
      "Update project metadata in Sentry: name, slug and platform.\n\nBe careful when using this tool!\n\n<examples>\nupdate_project(organizationSlug='my-org')\n</examples>\n\n<hints>\n- A parameter in the form name/otherName is likely <organizationSlug>/<projectSlug>.\n</hints>";
    const shown = humanDescription(text);
    expect(shown).toBe("Update project metadata in Sentry: name, slug and platform.\n\nBe careful when using this tool!");
    expect(shown).not.toContain("examples");
    expect(shown).not.toContain("organizationSlug");
  });

  it("joins wrapped lines and keeps an untagged description as it is", () => {
    expect(humanDescription("Find the organizations\n  you can access.")).toBe("Find the organizations you can access.");
    expect(humanDescription(undefined)).toBe("");
    expect(humanDescription(null)).toBe("");
  });
});
