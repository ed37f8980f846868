import type { JsonSchema } from "./api-schemas";

export type FieldKind = "string" | "number" | "integer" | "boolean" | "enum" | "array" | "json";

export interface FormField {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  options?: string[];
  defaultValue?: string | boolean;
}

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null");
  if (schema.type) return schema.type;
  const branch = schema.anyOf?.find((s) => s.type !== "null");
  return branch ? primaryType(branch) : undefined;
}

function fieldKind(schema: JsonSchema): FieldKind {
  if (schema.enum?.every((v) => typeof v === "string")) return "enum";
  switch (primaryType(schema)) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "integer":
      return "integer";
    case "boolean":
      return "boolean";
    case "array":
      return schema.items && primaryType(schema.items) === "string" ? "array" : "json";
    default:
      return "json";
  }
}

export function schemaToFields(schema: JsonSchema): FormField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => {
    const kind = fieldKind(prop);
    const field: FormField = { name, label: prop.title ?? name, kind, required: required.has(name) };
    if (prop.description) field.description = prop.description;
    if (kind === "enum") field.options = (prop.enum ?? []).map(String);
    if (typeof prop.default === "boolean" && kind === "boolean") field.defaultValue = prop.default;
    else if (prop.default !== undefined && prop.default !== null && kind !== "boolean")
      field.defaultValue = typeof prop.default === "string" ? prop.default : JSON.stringify(prop.default);
    return field;
  });
}

export type FormValues = Record<string, string | boolean>;

export type FormResult = { ok: true; args: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

/** Turns the form's strings into typed arguments; empty optional fields are left out. */
export function valuesToArguments(fields: FormField[], values: FormValues): FormResult {
  const args: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (field.kind === "boolean") {
      if (typeof raw === "boolean" && (raw || field.required)) args[field.name] = raw;
      continue;
    }
    const text = typeof raw === "string" ? raw.trim() : "";
    if (text === "") {
      if (field.required) errors[field.name] = `${field.label} is required.`;
      continue;
    }
    switch (field.kind) {
      case "number":
      case "integer": {
        const n = Number(text);
        if (!Number.isFinite(n) || (field.kind === "integer" && !Number.isInteger(n)))
          errors[field.name] = `${field.label} must be ${field.kind === "integer" ? "a whole number" : "a number"}.`;
        else args[field.name] = n;
        break;
      }
      case "array":
        args[field.name] = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
        break;
      case "json":
        try {
          args[field.name] = JSON.parse(text);
        } catch {
          errors[field.name] = `${field.label} must be valid JSON.`;
        }
        break;
      default:
        args[field.name] = text;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, args };
}
