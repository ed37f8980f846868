import { useId, useState, type FormEvent, type ReactNode } from "react";
import { valuesToArguments, type FormField, type FormValues } from "../../lib/json-schema-form";

interface SchemaFormProps {
  fields: FormField[];
  submitLabel: ReactNode;
  onSubmit: (args: Record<string, unknown>) => void;
  footer?: ReactNode;
  busy?: boolean;
  testId?: string;
}

const inputClass =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950 aria-[invalid=true]:border-red-500";

function initialValues(fields: FormField[]): FormValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? (f.kind === "boolean" ? false : "")]));
}

/** A form generated from tool JSON Schema or prompt arguments; required fields are enforced before submit. */
export function SchemaForm({ fields, submitLabel, onSubmit, footer, busy, testId }: SchemaFormProps) {
  const formId = useId();
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = valuesToArguments(fields, values);
    if (!result.ok) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      if (first) document.getElementById(`${formId}-${first}`)?.focus();
      return;
    }
    setErrors({});
    onSubmit(result.args);
  };

  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid={testId}>
      {fields.length === 0 && <p className="text-sm text-zinc-500">No parameters.</p>}
      {fields.map((field) => {
        const id = `${formId}-${field.name}`;
        const error = errors[field.name];
        const describedBy = [field.description ? `${id}-desc` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
        const value = values[field.name];
        const common = {
          id,
          name: field.name,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
          "aria-required": field.required || undefined,
        };
        return (
          <div key={field.name}>
            {field.kind === "boolean" ? (
              <label className="flex items-center gap-2 text-sm font-medium">
                <input type="checkbox" {...common} checked={value === true} onChange={(e) => set(field.name, e.target.checked)} />
                <span className="font-mono">{field.label}</span>
              </label>
            ) : (
              <>
                <label htmlFor={id} className="mb-1 block text-sm font-medium">
                  <span className="font-mono">{field.label}</span>
                  {field.required ? <span className="ml-1 text-red-600" aria-hidden>*</span> : <span className="ml-1 text-xs font-normal text-zinc-500">optional</span>}
                  {field.kind === "array" && <span className="ml-1 text-xs font-normal text-zinc-500">(comma-separated)</span>}
                </label>
                {field.kind === "enum" ? (
                  <select {...common} className={inputClass} value={String(value ?? "")} onChange={(e) => set(field.name, e.target.value)}>
                    <option value="">{field.required ? "Choose…" : "(default)"}</option>
                    {field.options?.map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                ) : field.kind === "json" ? (
                  <textarea {...common} rows={3} className={`${inputClass} font-mono`} value={String(value ?? "")} onChange={(e) => set(field.name, e.target.value)} />
                ) : (
                  <input
                    {...common}
                    type="text"
                    inputMode={field.kind === "number" || field.kind === "integer" ? "decimal" : undefined}
                    className={inputClass}
                    value={String(value ?? "")}
                    onChange={(e) => set(field.name, e.target.value)}
                  />
                )}
              </>
            )}
            {field.description && (
              <p id={`${id}-desc`} className="mt-1 line-clamp-3 text-xs text-zinc-500">
                {field.description}
              </p>
            )}
            {error && (
              <p id={`${id}-err`} className="mt-1 text-xs text-red-600" role="alert">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {footer}
      <div className="flex justify-end">
        <button
          type="submit"
          disabled={busy}
          className="inline-flex items-center gap-1.5 rounded-lg bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          data-testid="schema-form-submit"
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
