import type { Release, ReleaseDetails, ReleaseList } from "./releases";
import { Badge } from "./parts/badge";
import { ExternalLink } from "./parts/external-link";
import { compact, percent } from "./parts/format";
import { ShareBar, Stat } from "./parts/stat";
import { When } from "./parts/when";

function rateTone(value: number): "green" | "amber" | "red" {
  return value >= 99 ? "green" : value >= 95 ? "amber" : "red";
}

function ReleaseFigures({ release }: { release: Release }) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4">
      <Stat label="Created">
        <When value={release.dateCreated} />
      </Stat>
      <Stat label="New issues" testId="release-new-issues">
        {compact(release.newGroups)}
      </Stat>
      <Stat label="Commits">{compact(release.commitCount)}</Stat>
      <Stat label="Deploys">
        {compact(release.deployCount)}
        {release.lastDeployEnvironment ? ` (last: ${release.lastDeployEnvironment})` : ""}
      </Stat>
    </dl>
  );
}

export function ReleaseListView({ data }: { data: ReleaseList }) {
  const releases = data.releases.slice(0, 50);
  if (releases.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No releases match.</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="view-release-list">
      {releases.map((r) => (
        <li key={r.version} className="py-2" data-testid="release-row">
          <div className="flex flex-wrap items-center gap-1.5">
            <ExternalLink href={r.url}>
              <span className="break-all font-mono text-xs font-semibold">{r.shortVersion ?? r.version}</span>
            </ExternalLink>
            {r.projects.slice(0, 5).map((p) => (
              <Badge key={p} tone="zinc">
                {p}
              </Badge>
            ))}
            {r.dateReleased ? <Badge tone="green">released</Badge> : <Badge tone="amber">not released</Badge>}
          </div>
          <div className="mt-1">
            <ReleaseFigures release={r} />
          </div>
        </li>
      ))}
      {data.hasMore && <li className="py-1 text-[11px] text-zinc-500">More releases match; narrow with a project or query.</li>}
    </ul>
  );
}

export default function ReleaseDetailsView({ data }: { data: ReleaseDetails }) {
  const { release, health, deploys, commits } = data;
  return (
    <article className="space-y-3 text-sm" data-testid="view-release">
      <header className="flex flex-wrap items-center gap-1.5">
        <ExternalLink href={release.url}>
          <span className="break-all font-mono font-semibold">{release.version}</span>
        </ExternalLink>
        {release.projects.slice(0, 5).map((p) => (
          <Badge key={p} tone="zinc">
            {p}
          </Badge>
        ))}
        {health?.stage && (
          <Badge tone={health.stage === "adopted" ? "green" : health.stage === "replaced" ? "zinc" : "amber"} label="Adoption stage" testId="release-stage">
            {health.stage.replaceAll("_", " ")}
          </Badge>
        )}
      </header>
      <ReleaseFigures release={release} />
      {health && (
        <section aria-label={`Release health${health.project ? ` of ${health.project}` : ""}`} className="space-y-2" data-testid="release-health">
          <h5 className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">Health{health.project ? ` (${health.project})` : ""}</h5>
          <div className="grid gap-2 sm:grid-cols-3">
            {health.crashFreeSessions != null && (
              <ShareBar label="Crash-free sessions" value={health.crashFreeSessions} display={percent(health.crashFreeSessions, 2)} tone={rateTone(health.crashFreeSessions)} />
            )}
            {health.crashFreeUsers != null && (
              <ShareBar label="Crash-free users" value={health.crashFreeUsers} display={percent(health.crashFreeUsers, 2)} tone={rateTone(health.crashFreeUsers)} />
            )}
            {health.adoption != null && <ShareBar label="Adoption" value={health.adoption} display={percent(health.adoption)} />}
          </div>
          <p className="text-[11px] text-zinc-500 dark:text-zinc-400">
            {compact(health.totalSessions)} sessions · {compact(health.totalUsers)} users
            {health.previousRelease ? ` · previous ${health.previousRelease}` : ""}
          </p>
        </section>
      )}
      {deploys.length > 0 && (
        <section aria-label="Deploys">
          <h5 className="mb-1 text-xs font-semibold text-zinc-700 dark:text-zinc-300">Deploys</h5>
          <ul className="space-y-0.5 text-xs">
            {deploys.slice(0, 10).map((d, i) => (
              <li key={d.id ?? i} className="flex flex-wrap gap-2">
                <Badge tone="blue">{d.environment ?? "?"}</Badge>
                {d.name && <span>{d.name}</span>}
                <When value={d.dateFinished ?? d.dateStarted} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {commits.length > 0 && (
        <section aria-label="Commits">
          <h5 className="mb-1 text-xs font-semibold text-zinc-700 dark:text-zinc-300">Commits</h5>
          <ul className="space-y-0.5 text-xs">
            {commits.slice(0, 20).map((c, i) => (
              <li key={c.id ?? i} className="flex gap-2">
                <span className="shrink-0 font-mono text-zinc-500">{c.id?.slice(0, 7)}</span>
                <span className="min-w-0 truncate">{c.message?.split("\n")[0]}</span>
                {c.author && <span className="ml-auto shrink-0 text-zinc-500">{c.author}</span>}
              </li>
            ))}
          </ul>
          {commits.length > 20 && <p className="text-[11px] text-zinc-500">and {commits.length - 20} more</p>}
        </section>
      )}
    </article>
  );
}
