import { useMemo, useState } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { Issue, IssueList } from "./issue";
import { LevelBadge, StatusBadge } from "./parts/badge";
import { ExternalLink } from "./parts/external-link";
import { compact, parseDate } from "./parts/format";
import { Sparkline } from "./parts/sparkline";
import { When } from "./parts/when";

type Key = "issue" | "level" | "events" | "users" | "lastSeen";
const levelRank: Record<string, number> = { fatal: 5, error: 4, warning: 3, info: 2, debug: 1 };

const sorters: Record<Key, (a: Issue, b: Issue) => number> = {
  issue: (a, b) => (a.shortId ?? a.id ?? "").localeCompare(b.shortId ?? b.id ?? "", "en", { numeric: true }),
  level: (a, b) => (levelRank[a.level ?? ""] ?? 0) - (levelRank[b.level ?? ""] ?? 0),
  events: (a, b) => (a.count ?? -1) - (b.count ?? -1),
  users: (a, b) => (a.userCount ?? -1) - (b.userCount ?? -1),
  lastSeen: (a, b) => (parseDate(a.lastSeen)?.getTime() ?? 0) - (parseDate(b.lastSeen)?.getTime() ?? 0),
};

function Header({ k, label, sort, onSort, className }: { k: Key; label: string; sort: { key: Key; desc: boolean } | undefined; onSort: (k: Key) => void; className?: string }) {
  const active = sort?.key === k;
  const Icon = !active ? ArrowUpDown : sort.desc ? ArrowDown : ArrowUp;
  return (
    <th scope="col" aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"} className={`px-2 py-1 font-medium ${className ?? ""}`}>
      <button type="button" className="inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-zinc-100" onClick={() => onSort(k)} data-testid={`sort-${k}`}>
        {label}
        <Icon className="h-3 w-3" aria-hidden />
      </button>
    </th>
  );
}

export default function IssueListView({ data }: { data: IssueList }) {
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>();
  const rows = useMemo(() => {
    const issues = data.issues.slice(0, 100);
    if (!sort) return issues;
    const cmp = sorters[sort.key];
    return [...issues].sort((a, b) => (sort.desc ? cmp(b, a) : cmp(a, b)));
  }, [data.issues, sort]);
  const onSort = (key: Key) => setSort((s) => (s?.key === key ? { key, desc: !s.desc } : { key, desc: key !== "issue" }));
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No issues match.</p>;
  return (
    <div data-testid="view-issue-list">
      <table className="w-full table-fixed border-collapse text-left text-xs">
        <caption className="sr-only">Issues{data.query ? ` for ${data.query}` : ""}; column headers sort the table</caption>
        <thead className="text-zinc-600 dark:text-zinc-400">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <Header k="issue" label="Issue" sort={sort} onSort={onSort} className="w-auto" />
            <Header k="level" label="Level" sort={sort} onSort={onSort} className="hidden w-24 sm:table-cell" />
            <Header k="events" label="Events" sort={sort} onSort={onSort} className="w-16 text-right" />
            <Header k="users" label="Users" sort={sort} onSort={onSort} className="hidden w-16 text-right sm:table-cell" />
            <Header k="lastSeen" label="Last seen" sort={sort} onSort={onSort} className="hidden w-24 md:table-cell" />
            <th scope="col" className="hidden w-32 px-2 py-1 font-medium sm:table-cell">
              Trend
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((issue) => (
            <tr key={issue.id ?? issue.shortId} className="border-b border-zinc-100 align-top dark:border-zinc-800/60" data-testid="issue-row" data-issue={issue.shortId ?? issue.id}>
              <td className="px-2 py-1.5">
                <div className="flex flex-wrap items-center gap-1">
                  <ExternalLink href={issue.url}>
                    <span className="font-mono font-semibold">{issue.shortId ?? issue.id}</span>
                  </ExternalLink>
                  <span className="sm:hidden">
                    <LevelBadge level={issue.level} />
                  </span>
                  <StatusBadge status={issue.status} substatus={issue.substatus} />
                </div>
                <p className="break-words text-zinc-900 dark:text-zinc-100" data-testid="issue-row-title">
                  {issue.title ?? "(untitled)"}
                </p>
                {issue.culprit && <p className="truncate font-mono text-[11px] text-zinc-500">{issue.culprit}</p>}
              </td>
              <td className="hidden px-2 py-1.5 sm:table-cell">
                <LevelBadge level={issue.level} />
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums" data-testid="issue-row-events">
                {compact(issue.count)}
              </td>
              <td className="hidden px-2 py-1.5 text-right tabular-nums sm:table-cell">{compact(issue.userCount)}</td>
              <td className="hidden px-2 py-1.5 md:table-cell">
                <When value={issue.lastSeen} />
              </td>
              <td className="hidden px-2 py-1.5 sm:table-cell">
                {issue.stats.length > 0 ? <Sparkline points={issue.stats} label={`Events of ${issue.shortId ?? issue.id}`} /> : <span className="text-zinc-400">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(data.hasMore || data.issues.length > rows.length) && <p className="mt-1 text-[11px] text-zinc-500">More issues match; ask for the next page.</p>}
    </div>
  );
}
