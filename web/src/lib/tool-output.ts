import { contentBlockSchema } from "./api-schemas";
import { z } from "zod";

const callResultSchema = z.object({ content: z.array(contentBlockSchema), isError: z.boolean().optional() });

/** Tool outputs arrive as MCP call results, plain strings or other JSON; the card shows them as text. */
export function outputText(output: unknown): string {
  if (output === undefined || output === null) return "";
  if (typeof output === "string") return output;
  const result = callResultSchema.safeParse(output);
  if (result.success) {
    return result.data.content
      .map((block) => {
        if (block.type === "text" && "text" in block && typeof block.text === "string") return block.text;
        if (block.type === "image") return "[image]";
        return JSON.stringify(block);
      })
      .join("\n\n");
  }
  return JSON.stringify(output, null, 2);
}

/** The call result's structuredContent (the tool's typed data), if any. */
export function outputStructured(output: unknown): unknown {
  if (output === null || typeof output !== "object" || !("structuredContent" in output)) return undefined;
  return (output as { structuredContent?: unknown }).structuredContent ?? undefined;
}

export function outputIsError(output: unknown): boolean {
  const result = callResultSchema.safeParse(output);
  return result.success && result.data.isError === true;
}

export function sizeHint(text: string): string {
  const bytes = new TextEncoder().encode(text).length;
  const lines = text === "" ? 0 : text.split("\n").length;
  const size = bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
  return `${lines} line${lines === 1 ? "" : "s"}, ${size}`;
}
