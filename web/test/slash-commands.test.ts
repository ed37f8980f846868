import { completeCommand, helpText, parseInput, parsePromptMessage, promptMessage } from "../src/lib/slash-commands";

describe("parseInput", () => {
  it("treats plain text as a message", () => {
    expect(parseInput("  what broke?  ")).toEqual({ kind: "message", text: "what broke?" });
  });

  it("recognises known commands case-insensitively with their argument", () => {
    expect(parseInput("/TOOLS find_issues")).toEqual({ kind: "command", name: "tools", argument: "find_issues" });
    expect(parseInput("/help")).toEqual({ kind: "command", name: "help", argument: "" });
  });

  it("reports unknown commands by name", () => {
    expect(parseInput("/deploy now")).toEqual({ kind: "unknown-command", name: "deploy" });
    expect(parseInput("/")).toEqual({ kind: "unknown-command", name: "" });
  });

  it("sends /prompt lines to the server as messages", () => {
    const text = promptMessage("find_errors", { organizationSlug: "acme" });
    expect(text).toBe('/prompt find_errors {"organizationSlug":"acme"}');
    expect(parseInput(text)).toEqual({ kind: "message", text });
  });
});

describe("completeCommand", () => {
  it("completes by prefix while the command word is typed", () => {
    expect(completeCommand("/").map((c) => c.name)).toEqual(["help", "prompts", "tools", "clear", "logout"]);
    expect(completeCommand("/p").map((c) => c.name)).toEqual(["prompts"]);
    expect(completeCommand("/CL").map((c) => c.name)).toEqual(["clear"]);
  });

  it("stops completing after a space or without a slash", () => {
    expect(completeCommand("/tools ")).toEqual([]);
    expect(completeCommand("tools")).toEqual([]);
    expect(completeCommand("/zzz")).toEqual([]);
  });
});

it("help text lists every command", () => {
  for (const name of ["/help", "/prompts", "/tools", "/clear", "/logout"]) expect(helpText()).toContain(name);
});

describe("parsePromptMessage", () => {
  it("reads back what promptMessage wrote", () => {
    const text = promptMessage("find_errors_in_file", { organizationSlug: "acme", filename: "users.py" });
    expect(parsePromptMessage(text)).toEqual({ name: "find_errors_in_file", args: { organizationSlug: "acme", filename: "users.py" } });
  });

  it("accepts a prompt without arguments and rejects what is not a prompt turn", () => {
    expect(parsePromptMessage("/prompt triage")).toEqual({ name: "triage", args: {} });
    expect(parsePromptMessage("/prompt triage [1]")).toBeUndefined();
    expect(parsePromptMessage("/prompt triage {oops")).toBeUndefined();
    expect(parsePromptMessage("what is /prompt?")).toBeUndefined();
  });
});
