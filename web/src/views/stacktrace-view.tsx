import type { EventStacktrace } from "./stacktrace";
import { Badge } from "./parts/badge";
import { StackFrames } from "./parts/stack-frames";

export default function StacktraceView({ data }: { data: EventStacktrace }) {
  const thread = data.thread;
  if (!thread) return null;
  const others = data.threads.filter((t) => !(t.id === thread.id && t.name === thread.name));
  return (
    <div className="space-y-2 text-sm" data-testid="view-stacktrace">
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        {(thread.name || thread.id) && (
          <span className="font-mono text-zinc-700 dark:text-zinc-300">
            Thread {thread.name ?? ""}
            {thread.id ? ` (ID ${thread.id})` : ""}
          </span>
        )}
        {thread.crashed && <Badge tone="red">crashed</Badge>}
        {thread.current && <Badge tone="blue">current</Badge>}
        {data.eventId && <span className="font-mono text-zinc-500">event {data.eventId.slice(0, 12)}</span>}
      </div>
      {data.selectionReason && <p className="text-xs text-zinc-600 dark:text-zinc-400">{data.selectionReason}</p>}
      <StackFrames frames={thread.frames} />
      {others.length > 0 && (
        <details className="text-xs">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Other threads ({others.length})</summary>
          <ul className="mt-1 space-y-0.5 pl-4">
            {others.slice(0, 100).map((t) => (
              <li key={`${t.id ?? ""}:${t.name ?? ""}`} className="font-mono">
                {t.id ?? "?"} {t.name ?? "(unnamed)"}: {t.frameCount ?? 0} frames{t.crashed ? ", crashed" : ""}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
