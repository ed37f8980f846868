import type { ComponentType } from "react";
import type { z } from "zod";
import { dataViews } from "./data-views";
import { issueViews } from "./issue";
import { monitorViews } from "./monitors";
import { releaseViews } from "./releases";
import { stacktraceViews } from "./stacktrace";

/**
 * A view draws one tool's `structuredContent` as a picture. It names the tools it renders and a lenient
 * schema for the data; when the data does not fit the schema (or no view knows the tool) the chat shows
 * the tool's markdown text as before. `View` is usually `lazy(() => import("./x-view"))` so views cost
 * nothing on the first page load; the schemas stay small and synchronous.
 */
export interface ViewDefinition<T = unknown> {
  /** Tool names this view renders. */
  tools: readonly string[];
  /** Lenient: optional fields, passthrough objects, only what the view cannot do without is required. */
  schema: z.ZodType<T>;
  View: ComponentType<{ data: T }>;
  /** The frame's heading, from the data (defaults to the tool name). */
  title?: (data: T) => string;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds views of many data types; each checks its own with its schema.
export type AnyViewDefinition = ViewDefinition<any>;

export interface ResolvedView {
  // biome-ignore lint/suspicious/noExplicitAny: the data was parsed by the same definition's schema.
  View: ComponentType<{ data: any }>;
  data: unknown;
  title: string | undefined;
}

// Every view, first match wins. Add yours here (see CONTRIBUTING.md, "Adding a view").
const definitions: AnyViewDefinition[] = [...issueViews, ...stacktraceViews, ...releaseViews, ...monitorViews, ...dataViews];

/** The view for a tool's structured output, or null (unknown tool, no data, or data of another shape). */
export function viewFor(toolName: string, structuredContent: unknown): ResolvedView | null {
  if (structuredContent === null || typeof structuredContent !== "object") return null;
  for (const definition of definitions) {
    if (!definition.tools.includes(toolName)) continue;
    const parsed = definition.schema.safeParse(structuredContent);
    if (!parsed.success) continue;
    let title: string | undefined;
    try {
      title = definition.title?.(parsed.data);
    } catch {
      title = undefined;
    }
    return { View: definition.View, data: parsed.data, title };
  }
  return null;
}

/** Tools that have a view (for docs and tests). */
export function toolsWithViews(): string[] {
  return [...new Set(definitions.flatMap((d) => d.tools))].sort();
}
