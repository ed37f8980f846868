import { z } from "zod";

/**
 * The view's side of the MCP Apps bridge: JSON-RPC 2.0 over postMessage with the host window that
 * embeds us (SEP-1865, protocol 2026-01-26). Only messages from that window count; anything malformed
 * is dropped, never thrown.
 */
export const APPS_PROTOCOL_VERSION = "2026-01-26";

const rpcId = z.union([z.string(), z.number()]);

const incomingSchema = z.object({
  jsonrpc: z.literal("2.0"),
  id: rpcId.optional(),
  method: z.string().optional(),
  params: z.unknown().optional(),
  result: z.unknown().optional(),
  error: z.object({ code: z.number().optional(), message: z.string().optional() }).loose().optional(),
});

const contentBlockSchema = z.object({ type: z.string(), text: z.unknown().optional() }).loose();

/** A tools/call result as the host forwards it (ui/notifications/tool-result): lenient, as every host differs a little. */
export const toolResultSchema = z
  .object({
    content: z.array(contentBlockSchema).optional(),
    structuredContent: z.record(z.string(), z.unknown()).optional(),
    isError: z.boolean().optional(),
  })
  .loose();
export type ToolResult = z.infer<typeof toolResultSchema>;

export const hostContextSchema = z
  .object({
    theme: z.enum(["light", "dark"]).optional(),
    toolInfo: z.object({ tool: z.object({ name: z.string() }).loose() }).loose().optional(),
    styles: z.object({ variables: z.record(z.string(), z.string().optional().nullable()).optional() }).loose().optional(),
  })
  .loose();
export type HostContext = z.infer<typeof hostContextSchema>;

const initializeResultSchema = z.object({ hostContext: hostContextSchema.optional() }).loose();

export interface BridgeHandlers {
  onToolInput?: (args: Record<string, unknown>) => void;
  onToolResult?: (result: ToolResult) => void;
  onToolCancelled?: (reason: string | undefined) => void;
  onHostContextChanged?: (context: HostContext) => void;
}

export class HostBridge {
  private nextId = 1;
  private readonly pending = new Map<string | number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly host: Window;
  private readonly handlers: BridgeHandlers;
  private readonly listener = (event: MessageEvent) => this.receive(event);

  constructor(host: Window, handlers: BridgeHandlers) {
    this.host = host;
    this.handlers = handlers;
    window.addEventListener("message", this.listener);
  }

  dispose(): void {
    window.removeEventListener("message", this.listener);
    for (const { reject } of this.pending.values()) reject(new Error("The bridge was closed."));
    this.pending.clear();
  }

  /** ui/initialize, then ui/notifications/initialized: after that the host sends the tool's input and result. */
  async connect(appInfo: { name: string; version: string }): Promise<HostContext> {
    const result = await this.request("ui/initialize", {
      protocolVersion: APPS_PROTOCOL_VERSION,
      appInfo,
      appCapabilities: { availableDisplayModes: ["inline"] },
    });
    const parsed = initializeResultSchema.safeParse(result);
    this.notify("ui/notifications/initialized", {});
    return parsed.success ? (parsed.data.hostContext ?? {}) : {};
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.host.postMessage({ jsonrpc: "2.0", id, method, params }, "*");
    });
  }

  notify(method: string, params: unknown): void {
    this.host.postMessage({ jsonrpc: "2.0", method, params }, "*");
  }

  private respond(id: string | number, result: unknown): void {
    this.host.postMessage({ jsonrpc: "2.0", id, result }, "*");
  }

  private receive(event: MessageEvent): void {
    if (event.source !== this.host) return;
    const parsed = incomingSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.method === undefined) {
      // A response to one of our requests.
      if (message.id === undefined) return;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error.message ?? "The host refused the request."));
      else waiting.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      // Requests from the host: a health check and the teardown notice need only an empty answer.
      if (message.method === "ping" || message.method === "ui/resource-teardown") this.respond(message.id, {});
      else this.host.postMessage({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: `Method not found: ${message.method}` } }, "*");
      return;
    }
    this.dispatch(message.method, message.params);
  }

  private dispatch(method: string, params: unknown): void {
    switch (method) {
      case "ui/notifications/tool-input": {
        const args = z.object({ arguments: z.record(z.string(), z.unknown()).optional() }).loose().safeParse(params);
        if (args.success) this.handlers.onToolInput?.(args.data.arguments ?? {});
        return;
      }
      case "ui/notifications/tool-result": {
        const result = toolResultSchema.safeParse(params);
        // A result that is not even an object still ends the wait: the view says it has nothing to draw.
        this.handlers.onToolResult?.(result.success ? result.data : { content: [], isError: true });
        return;
      }
      case "ui/notifications/tool-cancelled": {
        const cancelled = z.object({ reason: z.string().optional() }).loose().safeParse(params);
        this.handlers.onToolCancelled?.(cancelled.success ? cancelled.data.reason : undefined);
        return;
      }
      case "ui/notifications/host-context-changed": {
        const context = hostContextSchema.safeParse(params);
        if (context.success) this.handlers.onHostContextChanged?.(context.data);
        return;
      }
      default:
        // tool-input-partial and future notifications: nothing to do.
        return;
    }
  }
}

/** The text blocks of a tool result, as the markdown the model read. */
export function resultText(result: ToolResult): string {
  return (result.content ?? [])
    .filter((block) => block.type === "text" && typeof block.text === "string")
    .map((block) => block.text as string)
    .join("\n\n");
}
