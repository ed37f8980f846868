import type { z } from "zod";
import { toApiError } from "./api-error";
import {
  authStatusSchema,
  configSchema,
  metadataSchema,
  toolResultSchema,
  type AppConfig,
  type AuthStatus,
  type Metadata,
  type ToolResult,
} from "./api-schemas";

async function request<T>(schema: z.ZodType<T>, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { credentials: "same-origin", ...init });
  if (!response.ok) throw await toApiError(response);
  return schema.parse(await response.json());
}

const jsonPost = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

export const api = {
  config: (): Promise<AppConfig> => request(configSchema, "/api/config"),
  authStatus: (): Promise<AuthStatus> => request(authStatusSchema, "/api/auth/status"),
  metadata: (): Promise<Metadata> => request(metadataSchema, "/api/metadata"),
  runTool: (name: string, args: Record<string, unknown>, confirm: boolean): Promise<ToolResult> =>
    request(toolResultSchema, `/api/tools/${encodeURIComponent(name)}`, jsonPost({ arguments: args, confirm })),
  async logout(): Promise<void> {
    // JSON, as every cookie-authenticated POST must be: the server refuses text/plain and forms (415).
    const response = await fetch("/api/auth/logout", { ...jsonPost({}), credentials: "same-origin" });
    if (!response.ok && response.status !== 401) throw await toApiError(response);
  },
  /** Revokes every sign-in of the user: this browser, other browsers' chat sessions and every MCP client's tokens. */
  async logoutEverywhere(): Promise<void> {
    const response = await fetch("/api/auth/logout?everywhere=true", { ...jsonPost({}), credentials: "same-origin" });
    // Unlike a plain logout, a refusal is not "already signed out": the other sign-ins may still be alive.
    if (!response.ok) throw await toApiError(response);
  },
};

/** Used when /api/config is unavailable so the home page still shows a usable MCP URL. */
export function fallbackConfig(origin: string): AppConfig {
  // Unknown capabilities: show no warnings rather than wrong ones.
  return { mcpUrl: `${origin}/mcp`, sseUrl: `${origin}/sse`, sandbox: false, llmConfigured: true, model: null };
}
