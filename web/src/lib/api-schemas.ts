import { z } from "zod";

// Every response from the host is validated here before the UI touches it (docs/chat-api.md).

export const configSchema = z.object({
  mcpUrl: z.string(),
  sseUrl: z.string(),
  sandbox: z.boolean(),
  llmConfigured: z.boolean(),
  model: z.string().nullable().optional(),
  version: z.string().optional(),
  /** Present only when the server has a browser DSN: the UI then reports its errors to Sentry. */
  sentry: z.object({ dsn: z.string(), environment: z.string() }).nullable().optional(),
});
export type AppConfig = z.infer<typeof configSchema>;

export const userSchema = z.object({
  id: z.string(),
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});

export const authStatusSchema = z.union([
  z.object({ authenticated: z.literal(true), user: userSchema, groups: z.array(z.string()).default([]) }),
  z.object({ authenticated: z.literal(false) }),
]);
export type AuthStatus = z.infer<typeof authStatusSchema>;

export const jsonSchemaSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z
    .object({
      type: z.union([z.string(), z.array(z.string())]).optional(),
      description: z.string().optional(),
      title: z.string().optional(),
      enum: z.array(z.unknown()).optional(),
      default: z.unknown().optional(),
      properties: z.record(z.string(), jsonSchemaSchema).optional(),
      required: z.array(z.string()).optional(),
      items: jsonSchemaSchema.optional(),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
      anyOf: z.array(jsonSchemaSchema).optional(),
    })
    .passthrough(),
);

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  title?: string;
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
}

export const toolInfoSchema = z.object({
  name: z.string(),
  title: z.string().nullable().optional(),
  description: z.string().default(""),
  inputSchema: jsonSchemaSchema.default({ type: "object" }),
  readOnly: z.boolean().default(true),
});
export type ToolInfo = z.infer<typeof toolInfoSchema>;

export const promptInfoSchema = z.object({
  name: z.string(),
  title: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  arguments: z
    .array(z.object({ name: z.string(), description: z.string().nullable().optional(), required: z.boolean().default(false) }))
    .default([]),
});
export type PromptInfo = z.infer<typeof promptInfoSchema>;

export const metadataSchema = z.object({
  tools: z.array(toolInfoSchema),
  prompts: z.array(promptInfoSchema),
});
export type Metadata = z.infer<typeof metadataSchema>;

export const contentBlockSchema = z.union([
  z.object({ type: z.literal("text"), text: z.string() }),
  z.object({ type: z.literal("image"), data: z.string(), mimeType: z.string() }),
  z.object({ type: z.string() }).passthrough(),
]);
export type ContentBlock = z.infer<typeof contentBlockSchema>;

export const toolResultSchema = z.object({
  isError: z.boolean().default(false),
  content: z.array(contentBlockSchema),
  // The tool's typed data (its outputSchema), when it fits the chat's budget; views render it.
  structuredContent: z.record(z.string(), z.unknown()).nullish(),
});
export type ToolResult = z.infer<typeof toolResultSchema>;

export const problemSchema = z
  .object({
    type: z.string().optional(),
    title: z.string().optional(),
    status: z.number().optional(),
    detail: z.string().optional(),
    code: z.string().optional(),
  })
  .passthrough();
export type Problem = z.infer<typeof problemSchema>;
