import { z } from "zod";

const point = z.object({ timestamp: z.number(), value: z.number().nullish() });

/** search_events' structuredContent, leniently: rows are objects of any values; the time series is optional. */
export const eventSearchSchema = z.object({
  dataset: z.string().nullish().catch(null),
  query: z.string().nullish().catch(null),
  fields: z.array(z.string()).nullish().catch(null),
  period: z.string().nullish().catch(null),
  rows: z.array(z.record(z.string(), z.unknown())),
  hasMore: z.boolean().nullish().catch(null),
  timeSeries: z
    .object({
      intervalSeconds: z.number().nullish().catch(null),
      series: z.array(z.object({ field: z.string(), points: z.array(point) })),
    })
    .nullish()
    .catch(null),
});

export type EventSearchData = z.infer<typeof eventSearchSchema>;
export type TimeSeries = NonNullable<EventSearchData["timeSeries"]>;
