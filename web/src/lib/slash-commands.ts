export type SlashCommandName = "help" | "prompts" | "tools" | "clear" | "logout";

export interface SlashCommandInfo {
  name: SlashCommandName;
  description: string;
}

export const slashCommands: readonly SlashCommandInfo[] = [
  { name: "help", description: "Show the available commands" },
  { name: "prompts", description: "Pick an MCP prompt and fill in its arguments" },
  { name: "tools", description: "Run a Sentry tool directly (no AI needed)" },
  { name: "clear", description: "Start a new conversation" },
  { name: "logout", description: "Sign out of Sentry" },
];

export type ParsedInput =
  | { kind: "message"; text: string }
  | { kind: "command"; name: SlashCommandName; argument: string }
  | { kind: "unknown-command"; name: string };

/** `/prompt name {json}` is the chat API's prompt syntax: it goes to the server as a message. */
export function parseInput(raw: string): ParsedInput {
  const text = raw.trim();
  if (!text.startsWith("/") || text.startsWith("/prompt ")) return { kind: "message", text };
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(text);
  const name = (match?.[1] ?? "").toLowerCase();
  const argument = (match?.[2] ?? "").trim();
  const known = slashCommands.find((c) => c.name === name);
  return known ? { kind: "command", name: known.name, argument } : { kind: "unknown-command", name };
}

/** Completions while the user types a command word (no space yet). */
export function completeCommand(raw: string): SlashCommandInfo[] {
  if (!raw.startsWith("/") || /\s/.test(raw)) return [];
  const prefix = raw.slice(1).toLowerCase();
  return slashCommands.filter((c) => c.name.startsWith(prefix));
}

export function promptMessage(name: string, args: Record<string, string>): string {
  return `/prompt ${name} ${JSON.stringify(args)}`;
}

/** The prompt name and arguments of a `/prompt name {json}` message, for showing it as "Prompt: name". */
export function parsePromptMessage(text: string): { name: string; args: Record<string, string> } | undefined {
  const match = /^\/prompt\s+(\S+)\s*([\s\S]*)$/.exec(text.trim());
  if (!match?.[1]) return undefined;
  const rest = (match[2] ?? "").trim();
  if (rest === "") return { name: match[1], args: {} };
  try {
    const parsed: unknown = JSON.parse(rest);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
    return { name: match[1], args: Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])) };
  } catch {
    return undefined;
  }
}

export function helpText(): string {
  return [
    "**Commands**",
    "",
    ...slashCommands.map((c) => `- \`/${c.name}\` — ${c.description}`),
    "",
    "Anything else is sent to the assistant.",
  ].join("\n");
}
