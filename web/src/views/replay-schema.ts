import { z } from "zod";

/** get_replay_details' structuredContent, leniently: only the replay id is required. */
export const replaySchema = z.object({
  id: z.string(),
  url: z.string().nullish().catch(null),
  startedAt: z.string().nullish().catch(null),
  durationSeconds: z.number().nullish().catch(null),
  user: z.string().nullish().catch(null),
  browser: z.string().nullish().catch(null),
  os: z.string().nullish().catch(null),
  errors: z.number().nullish().catch(null),
  rageClicks: z.number().nullish().catch(null),
  deadClicks: z.number().nullish().catch(null),
  archived: z.boolean().nullish().catch(null),
  relatedErrors: z
    .array(z.object({ eventId: z.string().nullish(), issue: z.string().nullish(), title: z.string().nullish() }))
    .nullish()
    .catch(null),
  timeline: z.array(z.unknown()).nullish().catch(null),
});

export type ReplayData = z.infer<typeof replaySchema>;

const eventSchema = z.object({ offsetSeconds: z.number().nullish().catch(null), kind: z.string(), description: z.string().nullish().catch(null) });

export interface ReplayMoment {
  offsetSeconds: number | null;
  kind: string;
  description: string;
  group: "click" | "navigation" | "error" | "other";
}

/** Clicks, navigations and errors as the timeline colours them; a failed request (4xx/5xx) counts as an error. */
export function groupOf(kind: string, description: string): ReplayMoment["group"] {
  if (kind === "console.error" || kind === "error" || (kind === "request" && /→ [45]\d\d\b/.test(description))) return "error";
  if (kind === "click" || kind === "rage.click" || kind === "dead.click" || kind === "input") return "click";
  if (kind === "navigation" || kind === "page.view") return "navigation";
  return "other";
}

export function normalizeTimeline(raw: readonly unknown[]): ReplayMoment[] {
  const moments: ReplayMoment[] = [];
  for (const item of raw) {
    const parsed = eventSchema.safeParse(item);
    if (!parsed.success) continue;
    const offset = parsed.data.offsetSeconds;
    const description = parsed.data.description ?? "";
    moments.push({
      offsetSeconds: typeof offset === "number" && Number.isFinite(offset) && offset >= 0 ? offset : null,
      kind: parsed.data.kind,
      description,
      group: groupOf(parsed.data.kind, description),
    });
  }
  return moments;
}

export function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return `${m}:${s.toString().padStart(2, "0")}`;
}
