/**
 * Tool descriptions are written for the model: after the human summary they carry `<examples>`,
 * `<hints>` and similar tagged sections. People see the summary only.
 */
export function humanDescription(description: string | null | undefined): string {
  if (!description) return "";
  const withoutSections = description.replace(/<([a-z][\w-]*)>[\s\S]*?<\/\1>/gi, "").replace(/<\/?[a-z][\w-]*>/gi, "");
  return withoutSections
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}
