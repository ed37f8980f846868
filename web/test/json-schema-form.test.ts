import { schemaToFields, valuesToArguments } from "../src/lib/json-schema-form";

const schema = {
  type: "object",
  required: ["organizationSlug", "limit"],
  properties: {
    organizationSlug: { type: "string", description: "The organization's slug" },
    limit: { type: "integer", default: 10 },
    ratio: { type: ["number", "null"] },
    status: { type: "string", enum: ["resolved", "ignored"] },
    includeAll: { type: "boolean", default: true },
    tags: { type: "array", items: { type: "string" } },
    filter: { type: "object" },
    regionUrl: { anyOf: [{ type: "string" }, { type: "null" }] },
  },
};

describe("schemaToFields", () => {
  it("maps JSON Schema properties to typed fields with required flags and defaults", () => {
    const fields = schemaToFields(schema);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["organizationSlug", "string", true],
      ["limit", "integer", true],
      ["ratio", "number", false],
      ["status", "enum", false],
      ["includeAll", "boolean", false],
      ["tags", "array", false],
      ["filter", "json", false],
      ["regionUrl", "string", false],
    ]);
    expect(fields[0]?.description).toBe("The organization's slug");
    expect(fields[1]?.defaultValue).toBe("10");
    expect(fields[3]?.options).toEqual(["resolved", "ignored"]);
    expect(fields[4]?.defaultValue).toBe(true);
  });

  it("handles a schema without properties", () => {
    expect(schemaToFields({ type: "object" })).toEqual([]);
  });
});

describe("valuesToArguments", () => {
  const fields = schemaToFields(schema);

  it("converts strings to typed arguments and leaves out empty optional fields", () => {
    const result = valuesToArguments(fields, {
      organizationSlug: " acme ",
      limit: "5",
      ratio: "0.5",
      status: "",
      includeAll: false,
      tags: "a, b,,c",
      filter: '{"x":1}',
      regionUrl: "",
    });
    expect(result).toEqual({ ok: true, args: { organizationSlug: "acme", limit: 5, ratio: 0.5, tags: ["a", "b", "c"], filter: { x: 1 } } });
  });

  it("enforces required fields and reports invalid numbers and JSON", () => {
    const result = valuesToArguments(fields, { organizationSlug: "", limit: "2.5", filter: "{nope" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(["filter", "limit", "organizationSlug"]);
      expect(result.errors.organizationSlug).toContain("required");
      expect(result.errors.limit).toContain("whole number");
    }
  });
});
