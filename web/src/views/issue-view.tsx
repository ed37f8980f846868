import type { IssueDetails, IssueException, TagSummary } from "./issue";
import { Badge, LevelBadge, PriorityBadge, StatusBadge } from "./parts/badge";
import { ExternalLink } from "./parts/external-link";
import { compact } from "./parts/format";
import { Sparkline } from "./parts/sparkline";
import { StackFrames } from "./parts/stack-frames";
import { ShareBar, Stat } from "./parts/stat";
import { When } from "./parts/when";

function TagBars({ tag }: { tag: TagSummary }) {
  const total = tag.totalValues ?? tag.topValues.reduce((n, v) => n + v.count, 0);
  return (
    <div data-testid="tag-summary" data-tag={tag.key}>
      <h5 className="mb-1 text-xs font-semibold text-zinc-700 dark:text-zinc-300">{tag.name ?? tag.key}</h5>
      <div className="space-y-1">
        {tag.topValues.map((v) => (
          <ShareBar
            key={v.value ?? ""}
            label={v.value ?? "(empty)"}
            value={v.count}
            max={total}
            display={`${total > 0 ? Math.round((v.count / total) * 100) : 0}%`}
          />
        ))}
      </div>
    </div>
  );
}

function ExceptionBlock({ exception, primary }: { exception: IssueException; primary: boolean }) {
  const body = (
    <>
      <p className="break-words font-mono text-xs">
        <span className="font-semibold text-red-700 dark:text-red-300">{exception.type ?? "Exception"}</span>
        {exception.value ? `: ${exception.value}` : ""}
        {exception.handled === false && (
          <span className="ml-2">
            <Badge tone="red">unhandled</Badge>
          </span>
        )}
        {exception.mechanism && <span className="ml-2 text-zinc-500">mechanism: {exception.mechanism}</span>}
      </p>
      <div className="mt-1">
        <StackFrames frames={exception.frames} />
      </div>
    </>
  );
  if (primary) return <div data-testid="issue-exception">{body}</div>;
  return (
    <details className="text-xs" data-testid="issue-exception">
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Caused by {exception.type ?? "exception"}</summary>
      <div className="mt-1">{body}</div>
    </details>
  );
}

export default function IssueView({ data }: { data: IssueDetails }) {
  const { issue, event, seer, tags } = data;
  return (
    <article className="space-y-3 text-sm" data-testid="view-issue">
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-1.5">
          <ExternalLink href={issue.url} testId="issue-link">
            <span className="font-mono text-xs font-semibold">{issue.shortId ?? issue.id}</span>
          </ExternalLink>
          <LevelBadge level={issue.level} />
          <StatusBadge status={issue.status} substatus={issue.substatus} />
          <PriorityBadge priority={issue.priority} />
          {issue.project && <span className="text-xs text-zinc-500">{issue.project}</span>}
        </div>
        <h4 className="break-words text-base font-semibold text-zinc-900 dark:text-zinc-50" data-testid="issue-title">
          {issue.title ?? "(untitled issue)"}
        </h4>
        {issue.culprit && <p className="break-all font-mono text-xs text-zinc-600 dark:text-zinc-400">{issue.culprit}</p>}
      </header>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-5">
        <Stat label="Events" testId="issue-events">
          {compact(issue.count)}
        </Stat>
        <Stat label="Users" testId="issue-users">
          {compact(issue.userCount)}
        </Stat>
        <Stat label="First seen">
          <When value={issue.firstSeen} />
        </Stat>
        <Stat label="Last seen">
          <When value={issue.lastSeen} />
        </Stat>
        <Stat label="Assignee" testId="issue-assignee">
          {issue.assignedTo ?? "unassigned"}
        </Stat>
      </dl>
      {issue.stats.length > 0 && (
        <div>
          <h5 className="mb-1 text-xs font-semibold text-zinc-700 dark:text-zinc-300">Event volume</h5>
          <Sparkline points={issue.stats} label="Events per bucket" width={320} height={48} withTable />
        </div>
      )}
      {event && event.exceptions.length > 0 && (
        <section aria-label="Exception" className="space-y-2">
          <h5 className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">Exception</h5>
          {event.exceptions.slice(0, 5).map((exception, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the chain is fixed for a given event.
            <ExceptionBlock key={i} exception={exception} primary={i === 0} />
          ))}
        </section>
      )}
      {event && event.exceptions.length === 0 && event.message && (
        <p className="whitespace-pre-wrap break-words rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">{event.message}</p>
      )}
      {tags.length > 0 && (
        <section aria-label="Tags">
          <h5 className="mb-1 text-xs font-semibold text-zinc-700 dark:text-zinc-300">Tags</h5>
          <div className="grid gap-3 sm:grid-cols-2">
            {tags.slice(0, 10).map((tag) => (
              <TagBars key={tag.key} tag={tag} />
            ))}
          </div>
        </section>
      )}
      {seer && (seer.rootCause || seer.solution) && (
        <section aria-label="Seer" className="rounded border border-violet-200 bg-violet-50 p-2 text-xs dark:border-violet-900 dark:bg-violet-950/40">
          <h5 className="mb-1 font-semibold text-violet-900 dark:text-violet-200">Seer ({seer.status ?? "unknown"})</h5>
          {seer.rootCause && (
            <p>
              <span className="font-semibold">Root cause: </span>
              {seer.rootCause}
            </p>
          )}
          {seer.solution && (
            <p>
              <span className="font-semibold">Solution: </span>
              {seer.solution}
            </p>
          )}
        </section>
      )}
      {event && (
        <p className="text-[11px] text-zinc-500 dark:text-zinc-400">
          Event {event.id?.slice(0, 12)}
          {event.release ? ` · release ${event.release}` : ""}
          {event.dateCreated ? " · " : ""}
          {event.dateCreated && <When value={event.dateCreated} />}
        </p>
      )}
    </article>
  );
}
