/** The input keys that name where a call happens; they read as "in acme/backend". */
const scopeKeys = ["organizationSlug", "projectSlug"] as const;
/** The input keys that name the thing a call acts on, most specific first. */
const subjectKeys = ["name", "issueId", "issueUrl", "teamSlug", "slug", "monitorSlug", "dashboardId", "id", "query"] as const;

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/**
 * What a write call will do, as a sentence to approve: `create_team {organizationSlug: "acme", name: "x"}`
 * reads "Create team x in acme". Arguments that are neither the subject nor the scope follow in brackets.
 */
export function approvalSentence(toolName: string, input: unknown): string {
  const [verb = toolName, ...rest] = toolName.split("_").filter((w) => w !== "");
  const args = typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const present = (key: string) => args[key] !== undefined && args[key] !== null && args[key] !== "";
  const subjectKey = subjectKeys.find(present);
  const scope = scopeKeys.filter(present).map((k) => show(args[k]));
  const others = Object.keys(args).filter((k) => present(k) && k !== subjectKey && !(scopeKeys as readonly string[]).includes(k));

  let sentence = verb.charAt(0).toUpperCase() + verb.slice(1);
  if (rest.length > 0) sentence += ` ${rest.join(" ")}`;
  if (subjectKey) sentence += ` ${show(args[subjectKey])}`;
  if (scope.length > 0) sentence += ` in ${scope.join("/")}`;
  if (others.length > 0) sentence += ` (${others.map((k) => `${k}: ${show(args[k])}`).join(", ")})`;
  return sentence;
}
