import type { CronDetails, CronList, CronMonitor, UptimeDetails, UptimeList, UptimeMonitor } from "./monitors";
import { Badge, type Tone } from "./parts/badge";
import { ExternalLink } from "./parts/external-link";
import { durationMs, parseDate } from "./parts/format";
import { Stat } from "./parts/stat";
import { StatusStrip, type StripCell, type StripStatus } from "./parts/status-strip";
import { When } from "./parts/when";

const cronTones: Record<string, Tone> = { ok: "green", error: "red", missed_checkin: "amber", timeout: "orange", active: "blue", disabled: "zinc" };

function cronStatus(status: string | null | undefined): StripStatus {
  switch (status) {
    case "ok":
      return "ok";
    case "error":
      return "error";
    case "missed":
    case "missed_checkin":
      return "missed";
    case "timeout":
      return "timeout";
    case "in_progress":
      return "in_progress";
    default:
      return "unknown";
  }
}

/** A stats bucket shows its worst outcome: error, then timeout, then missed, then ok. */
function bucketStatus(b: CronDetails["stats"][number]): StripStatus {
  if (b.error > 0) return "error";
  if (b.timeout > 0) return "timeout";
  if (b.missed > 0) return "missed";
  if (b.ok > 0) return "ok";
  if (b.inProgress > 0) return "in_progress";
  if (b.unknown > 0) return "unknown";
  return "none";
}

function schedule(m: CronMonitor): string {
  if (!m.schedule?.value) return "—";
  return m.schedule.type === "interval" ? `every ${m.schedule.value}` : m.schedule.value;
}

function CronHeader({ m }: { m: CronMonitor }) {
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <ExternalLink href={m.webUrl}>
        <span className="font-semibold">{m.name}</span>
      </ExternalLink>
      {m.status && (
        <Badge tone={cronTones[m.status] ?? "zinc"} label="Monitor status" testId="badge-monitor-status">
          {m.status}
        </Badge>
      )}
      {m.environments.slice(0, 6).map((e, i) => (
        <Badge key={e.name ?? i} tone={cronTones[e.status ?? ""] ?? "zinc"} label={`Environment ${e.name ?? "?"}`} testId="badge-environment">
          {e.name ?? "?"}: {(e.status ?? "?").replaceAll("_", " ")}
        </Badge>
      ))}
      {m.hasMoreEnvironments && <span className="text-[11px] text-zinc-500">more environments</span>}
    </div>
  );
}

export function CronListView({ data }: { data: CronList }) {
  if (data.monitors.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No cron monitors match.</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="view-monitor-list">
      {data.monitors.slice(0, 50).map((m) => (
        <li key={m.slug} className="space-y-1 py-2" data-testid="monitor-row">
          <CronHeader m={m} />
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            <span className="font-mono">{schedule(m)}</span>
            {m.projectSlug ? ` · ${m.projectSlug}` : ""} · last check-in <When value={m.lastCheckIn} />
          </p>
        </li>
      ))}
      {data.hasMore && <li className="py-1 text-[11px] text-zinc-500">More monitors match.</li>}
    </ul>
  );
}

export function CronDetailsView({ data }: { data: CronDetails }) {
  const m = data.monitor;
  const buckets: StripCell[] = data.stats.slice(-200).map((b) => ({
    key: b.timestamp,
    status: bucketStatus(b),
    at: b.timestamp,
    detail: [b.ok && `${b.ok} ok`, b.error && `${b.error} error`, b.missed && `${b.missed} missed`, b.timeout && `${b.timeout} timed out`].filter(Boolean).join(", "),
  }));
  const checkIns = [...data.checkIns]
    .sort((a, b) => (parseDate(a.dateCreated)?.getTime() ?? 0) - (parseDate(b.dateCreated)?.getTime() ?? 0))
    .slice(-100);
  const checkInCells: StripCell[] = checkIns.map((c, i) => ({
    key: c.id ?? String(i),
    status: cronStatus(c.status),
    at: c.dateCreated,
    detail: [c.environment, c.durationMs != null ? durationMs(c.durationMs) : null].filter(Boolean).join(", "),
  }));
  return (
    <article className="space-y-3 text-sm" data-testid="view-monitor">
      <CronHeader m={m} />
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4">
        <Stat label="Schedule">
          <span className="font-mono">{schedule(m)}</span>
        </Stat>
        <Stat label="Last check-in">
          <When value={m.lastCheckIn} />
        </Stat>
        <Stat label="Next check-in">
          <When value={m.nextCheckIn} />
        </Stat>
        <Stat label="Owner">{m.owner ?? "—"}</Stat>
      </dl>
      {buckets.length > 0 && (
        <section aria-label="Check-ins per interval">
          <h5 className="mb-1 text-xs font-semibold text-zinc-700 dark:text-zinc-300">Per interval</h5>
          <StatusStrip cells={buckets} label="Check-ins per interval" testId="checkin-strip" />
        </section>
      )}
      <section aria-label="Recent check-ins">
        <h5 className="mb-1 text-xs font-semibold text-zinc-700 dark:text-zinc-300">Recent check-ins</h5>
        <StatusStrip cells={checkInCells} label="Recent check-ins" testId="recent-checkins" />
      </section>
    </article>
  );
}

const uptimeTones: Record<string, Tone> = { ok: "green", failed: "red", unknown: "zinc" };

function uptimeCheckStatus(status: string | null | undefined): StripStatus {
  switch (status) {
    case "success":
      return "ok";
    case "failure":
    case "failure_incident":
      return "error";
    case "missed_window":
      return "missed";
    default:
      return "unknown";
  }
}

function interval(seconds: number | null | undefined): string {
  if (!seconds) return "—";
  return seconds % 3600 === 0 ? `every ${seconds / 3600} h` : seconds % 60 === 0 ? `every ${seconds / 60} min` : `every ${seconds} s`;
}

function UptimeHeader({ m }: { m: UptimeMonitor }) {
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <ExternalLink href={m.webUrl}>
        <span className="font-semibold">{m.name}</span>
      </ExternalLink>
      {m.uptimeStatus && (
        <Badge tone={uptimeTones[m.uptimeStatus] ?? "zinc"} label="Uptime" testId="badge-uptime">
          {m.uptimeStatus}
        </Badge>
      )}
      {m.status && m.status !== "active" && (
        <Badge tone="zinc" label="Monitor status">
          {m.status}
        </Badge>
      )}
    </div>
  );
}

export function UptimeListView({ data }: { data: UptimeList }) {
  if (data.monitors.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No uptime monitors match.</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="view-uptime-list">
      {data.monitors.slice(0, 50).map((m) => (
        <li key={m.id} className="space-y-1 py-2" data-testid="uptime-row">
          <UptimeHeader m={m} />
          <p className="break-all text-xs text-zinc-600 dark:text-zinc-400">
            <span className="font-mono">
              {m.method ?? "GET"} {m.url}
            </span>{" "}
            · {interval(m.intervalSeconds)}
            {m.projectSlug ? ` · ${m.projectSlug}` : ""}
          </p>
        </li>
      ))}
      {data.hasMore && <li className="py-1 text-[11px] text-zinc-500">More monitors match.</li>}
    </ul>
  );
}

export function UptimeDetailsView({ data }: { data: UptimeDetails }) {
  const m = data.monitor;
  const checks = [...data.checks]
    .sort((a, b) => (parseDate(a.scheduledCheckTime)?.getTime() ?? 0) - (parseDate(b.scheduledCheckTime)?.getTime() ?? 0))
    .slice(-200);
  const cells: StripCell[] = checks.map((c, i) => ({
    key: c.id ?? String(i),
    status: uptimeCheckStatus(c.checkStatus),
    at: c.scheduledCheckTime,
    detail: [c.httpStatusCode != null ? `HTTP ${c.httpStatusCode}` : null, c.durationMs != null ? durationMs(c.durationMs) : null, c.checkStatusReason, c.region]
      .filter(Boolean)
      .join(", "),
  }));
  return (
    <article className="space-y-3 text-sm" data-testid="view-uptime">
      <UptimeHeader m={m} />
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4">
        <Stat label="URL">
          <span className="font-mono text-xs" title={m.url ?? undefined}>
            {m.method ?? "GET"} {m.url}
          </span>
        </Stat>
        <Stat label="Interval">{interval(m.intervalSeconds)}</Stat>
        <Stat label="Timeout">{durationMs(m.timeoutMs)}</Stat>
        <Stat label="Environment">{m.environment ?? "—"}</Stat>
      </dl>
      {"checks" in data && data.checks.length > 0 && (
        <section aria-label="Recent checks">
          <h5 className="mb-1 text-xs font-semibold text-zinc-700 dark:text-zinc-300">Recent checks</h5>
          <StatusStrip cells={cells} label="Uptime checks" testId="uptime-strip" />
        </section>
      )}
    </article>
  );
}
