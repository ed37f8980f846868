import { useMemo, useState } from "react";
import { cn } from "../components/ui/cn";
import { clock, normalizeTimeline, type ReplayData, type ReplayMoment } from "./replay-schema";

const GROUP_STYLE: Record<ReplayMoment["group"], { dot: string; label: string }> = {
  click: { dot: "bg-sky-500", label: "Clicks" },
  navigation: { dot: "bg-violet-500", label: "Navigations" },
  error: { dot: "bg-red-600", label: "Errors" },
  other: { dot: "bg-zinc-400", label: "Other" },
};

/**
 * A replay as a timeline of what the user did (clicks, navigations) and what went wrong (errors,
 * failed requests): a strip on the replay's time axis and the same moments as a list, which is
 * what keyboard and screen-reader users read. Filters toggle a kind of moment.
 */
export function ReplayView({ data }: { data: ReplayData }) {
  const moments = useMemo(() => normalizeTimeline(data.timeline ?? []), [data.timeline]);
  const [hidden, setHidden] = useState<ReadonlySet<ReplayMoment["group"]>>(() => new Set());
  const [selected, setSelected] = useState<number | null>(null);
  const duration = Math.max(data.durationSeconds ?? 0, ...moments.map((m) => m.offsetSeconds ?? 0), 1);
  const shown = moments.map((m, i) => ({ m, i })).filter(({ m }) => !hidden.has(m.group));
  const counts = (group: ReplayMoment["group"]) => moments.filter((m) => m.group === group).length;

  return (
    <div className="space-y-2 text-xs" data-testid="replay-view">
      <p className="text-zinc-600 dark:text-zinc-400">
        {[
          data.user,
          [data.browser, data.os].filter(Boolean).join(" on "),
          data.durationSeconds != null ? clock(data.durationSeconds) : null,
          data.startedAt ? `started ${data.startedAt.slice(0, 16).replace("T", " ")} UTC` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
        {data.url ? (
          <>
            {" · "}
            <a className="underline" href={data.url} target="_blank" rel="noreferrer noopener">
              Watch in Sentry
            </a>
          </>
        ) : null}
      </p>
      {data.archived ? <p className="text-amber-700 dark:text-amber-400">This replay is archived: its recording is no longer kept.</p> : null}
      <fieldset className="flex flex-wrap gap-1" aria-label="Show moments">
        {(["click", "navigation", "error"] as const).map((group) => (
          <button
            key={group}
            type="button"
            aria-pressed={!hidden.has(group)}
            className={cn(
              "flex items-center gap-1 rounded border px-2 py-0.5",
              hidden.has(group) ? "border-zinc-200 text-zinc-400 dark:border-zinc-800" : "border-zinc-300 dark:border-zinc-700",
            )}
            onClick={() =>
              setHidden((previous) => {
                const next = new Set(previous);
                if (next.has(group)) next.delete(group);
                else next.add(group);
                return next;
              })
            }
            data-testid={`replay-filter-${group}`}
          >
            <span className={cn("inline-block h-2 w-2 rounded-full", GROUP_STYLE[group].dot)} aria-hidden />
            {GROUP_STYLE[group].label} ({counts(group)})
          </button>
        ))}
      </fieldset>
      <div className="relative h-6 rounded bg-zinc-100 dark:bg-zinc-800" aria-hidden data-testid="replay-strip">
        {shown
          .filter(({ m }) => m.offsetSeconds !== null)
          .map(({ m, i }) => (
            <button
              key={i}
              type="button"
              tabIndex={-1}
              title={`${clock(m.offsetSeconds ?? 0)} ${m.kind}: ${m.description}`}
              className={cn(
                "absolute top-1 h-4 w-1.5 -translate-x-1/2 rounded-sm",
                GROUP_STYLE[m.group].dot,
                selected === i ? "ring-2 ring-zinc-900 dark:ring-zinc-100" : undefined,
              )}
              style={{ left: `${((m.offsetSeconds ?? 0) / duration) * 100}%` }}
              onClick={() => setSelected(i)}
              data-testid="replay-marker"
              data-group={m.group}
            />
          ))}
      </div>
      <div className="flex justify-between text-[10px] text-zinc-500 tabular-nums" aria-hidden>
        <span>0:00</span>
        <span>{clock(duration)}</span>
      </div>
      {shown.length === 0 ? (
        <p className="text-zinc-500">{moments.length === 0 ? "No recorded moments." : "Nothing of the selected kinds."}</p>
      ) : (
        <ol className="max-h-72 divide-y divide-zinc-100 overflow-auto dark:divide-zinc-800" aria-label="Replay timeline" data-testid="replay-timeline">
          {shown.map(({ m, i }) => (
            <li
              key={i}
              className={cn("flex gap-2 px-1 py-1", selected === i ? "bg-zinc-100 dark:bg-zinc-800" : undefined, m.group === "error" ? "text-red-700 dark:text-red-400" : undefined)}
              data-testid="replay-moment"
              data-group={m.group}
            >
              <span className="w-10 shrink-0 tabular-nums text-zinc-500">{m.offsetSeconds === null ? "—" : clock(m.offsetSeconds)}</span>
              <span className={cn("mt-1 inline-block h-2 w-2 shrink-0 rounded-full", GROUP_STYLE[m.group].dot)} aria-hidden />
              <span className="shrink-0 font-mono">{m.kind}</span>
              <span className="min-w-0 break-words">{m.description}</span>
            </li>
          ))}
        </ol>
      )}
      {data.relatedErrors && data.relatedErrors.length > 0 ? (
        <div>
          <h4 className="font-semibold">Errors in this replay</h4>
          <ul className="list-disc pl-5" data-testid="replay-errors">
            {data.relatedErrors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an error may lack an event id; the list never reorders.
              <li key={i}>
                {e.issue ? <span className="font-mono">{e.issue}</span> : null} {e.title ?? e.eventId ?? "Unknown error"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

export default ReplayView;
