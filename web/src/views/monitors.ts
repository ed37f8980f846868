import { lazy } from "react";
import { z } from "zod";
import type { AnyViewDefinition } from "./registry";
import { bool, items, list, maybe, num, str } from "./parts/schema";

export const cronMonitorSchema = z.looseObject({
  id: str,
  slug: z.string(),
  name: z.string(),
  projectSlug: str,
  status: str,
  owner: str,
  lastCheckIn: str,
  nextCheckIn: str,
  webUrl: str,
  schedule: maybe(z.looseObject({ type: str, value: str, checkInMargin: num, maxRuntime: num })),
  environments: list(z.looseObject({ name: str, status: str, lastCheckIn: str })),
  hasMoreEnvironments: bool,
});
export type CronMonitor = z.output<typeof cronMonitorSchema>;

export const cronListSchema = z.looseObject({ monitors: items(cronMonitorSchema), hasMore: bool });
export type CronList = z.output<typeof cronListSchema>;

export const cronDetailsSchema = z.looseObject({
  monitor: cronMonitorSchema,
  checkIns: list(z.looseObject({ id: str, status: str, durationMs: num, environment: str, dateCreated: str, expectedTime: str })),
  stats: list(
    z.looseObject({
      timestamp: z.string(),
      ok: z.number().catch(0),
      error: z.number().catch(0),
      missed: z.number().catch(0),
      timeout: z.number().catch(0),
      inProgress: z.number().catch(0),
      unknown: z.number().catch(0),
      durationMs: num,
    }),
  ),
});
export type CronDetails = z.output<typeof cronDetailsSchema>;

export const uptimeMonitorSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  projectSlug: str,
  status: str,
  uptimeStatus: str,
  url: str,
  method: str,
  intervalSeconds: num,
  environment: str,
  owner: str,
  webUrl: str,
  timeoutMs: num,
});
export type UptimeMonitor = z.output<typeof uptimeMonitorSchema>;

export const uptimeListSchema = z.looseObject({ monitors: items(uptimeMonitorSchema), hasMore: bool });
export type UptimeList = z.output<typeof uptimeListSchema>;

export const uptimeDetailsSchema = z.looseObject({
  monitor: uptimeMonitorSchema,
  checks: list(
    z.looseObject({ id: str, scheduledCheckTime: str, checkStatus: str, checkStatusReason: str, httpStatusCode: num, durationMs: num, region: str }),
  ),
});
export type UptimeDetails = z.output<typeof uptimeDetailsSchema>;

const load = (name: "CronListView" | "CronDetailsView" | "UptimeListView" | "UptimeDetailsView") =>
  lazy(() => import("./monitors-view").then((m) => ({ default: m[name] })));

export const monitorViews: AnyViewDefinition[] = [
  {
    tools: ["find_monitors"],
    schema: cronListSchema,
    View: load("CronListView"),
    title: (d: CronList) => `${d.monitors.length}${d.hasMore ? "+" : ""} cron monitor${d.monitors.length === 1 ? "" : "s"}`,
  },
  { tools: ["get_monitor_details"], schema: cronDetailsSchema, View: load("CronDetailsView"), title: (d: CronDetails) => `Cron monitor ${d.monitor.name}` },
  {
    tools: ["find_uptime_monitors"],
    schema: uptimeListSchema,
    View: load("UptimeListView"),
    title: (d: UptimeList) => `${d.monitors.length}${d.hasMore ? "+" : ""} uptime monitor${d.monitors.length === 1 ? "" : "s"}`,
  },
  {
    tools: ["get_uptime_monitor_details", "create_uptime_monitor", "update_uptime_monitor"],
    // create/update answer { monitor } without checks: the same view shows the settings.
    schema: uptimeDetailsSchema,
    View: load("UptimeDetailsView"),
    title: (d: UptimeDetails) => `Uptime monitor ${d.monitor.name}`,
  },
];
