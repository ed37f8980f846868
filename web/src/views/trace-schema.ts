import { z } from "zod";

/** get_trace_details' structuredContent, leniently: only the trace id is required; spans are checked one by one. */
export const traceSchema = z.object({
  traceId: z.string(),
  spanCount: z.number().nullish().catch(null),
  projects: z.array(z.string()).nullish().catch(null),
  durationMs: z.number().nullish().catch(null),
  errorCount: z.number().nullish().catch(null),
  errors: z
    .array(
      z.object({
        issue: z.string().nullish().catch(null),
        title: z.string().nullish().catch(null),
        project: z.string().nullish().catch(null),
        spanId: z.string().nullish().catch(null),
      }),
    )
    .nullish()
    .catch(null),
  spans: z.array(z.unknown()).nullish().catch(null),
  spansTruncated: z.boolean().nullish().catch(null),
  url: z.string().nullish().catch(null),
});

export type TraceData = z.infer<typeof traceSchema>;
