import { useEffect, useMemo, useState } from "react";
import { ChevronRight } from "lucide-react";
import { cn } from "../../components/ui/cn";
import type { Frame } from "../stacktrace";

/** Frames beyond this many (newest first) wait behind a "show older frames" button. */
const FIRST_FRAMES = 200;

type Group = { kind: "app"; frame: Frame; index: number } | { kind: "library"; frames: { frame: Frame; index: number }[] };

/** Newest call first (as Sentry shows it); runs of library frames fold into one collapsible group. */
function group(frames: readonly Frame[]): Group[] {
  const groups: Group[] = [];
  for (let index = frames.length - 1; index >= 0; index--) {
    const frame = frames[index] as Frame;
    if (frame.inApp) {
      groups.push({ kind: "app", frame, index });
      continue;
    }
    const last = groups[groups.length - 1];
    if (last?.kind === "library") last.frames.push({ frame, index });
    else groups.push({ kind: "library", frames: [{ frame, index }] });
  }
  return groups;
}

function extension(filename: string | null | undefined): string | undefined {
  const match = /\.([A-Za-z0-9#+]+)$/.exec(filename ?? "");
  return match?.[1]?.toLowerCase();
}

function where(frame: Frame): string {
  const file = frame.filename ?? frame.module ?? "<unknown>";
  const line = frame.lineNo != null ? `:${frame.lineNo}${frame.colNo != null ? `:${frame.colNo}` : ""}` : "";
  return `${file}${line}`;
}

/** Source lines with numbers; the frame's own line is marked (colour, a marker and aria-current). */
function SourceContext({ frame }: { frame: Frame }) {
  const [html, setHtml] = useState<(string | undefined)[]>();
  const language = extension(frame.filename);
  useEffect(() => {
    if (!language) return;
    let live = true;
    void import("../../lib/highlight").then(({ highlight }) => {
      if (live) setHtml(frame.context.map((l) => highlight(l.line, language)));
    });
    return () => {
      live = false;
    };
  }, [frame, language]);
  return (
    <ol className="overflow-x-auto rounded border border-zinc-200 bg-white py-1 font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-950" data-testid="source-context">
      {frame.context.map((l, i) => {
        const error = l.lineNo === frame.lineNo;
        const lineHtml = html?.[i];
        return (
          <li
            key={l.lineNo}
            className={cn("flex whitespace-pre", error && "bg-red-100 dark:bg-red-950/70")}
            data-error-line={error || undefined}
            aria-current={error ? "true" : undefined}
          >
            <span className={cn("w-12 shrink-0 select-none pr-3 text-right text-zinc-400", error && "font-bold text-red-700 dark:text-red-300")}>
              {l.lineNo}
            </span>
            <span className="pr-3">
              {error && <span className="sr-only">Error line: </span>}
              {lineHtml !== undefined ? (
                // biome-ignore lint/security/noDangerouslySetInnerHtml: highlight.js escapes the source; the output contains only its own span markup.
                <code className="hljs" dangerouslySetInnerHTML={{ __html: lineHtml }} />
              ) : (
                <code>{l.line}</code>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function FrameRow({ frame, initiallyOpen }: { frame: Frame; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const hasContext = frame.context.length > 0;
  const name = frame.function ?? "<anonymous>";
  const label = (
    <span className="min-w-0 flex-1">
      <span className={cn("break-all font-mono", frame.inApp ? "font-semibold text-zinc-900 dark:text-zinc-50" : "text-zinc-600 dark:text-zinc-400")}>{name}</span>
      <span className="ml-2 break-all font-mono text-zinc-500 dark:text-zinc-400">{where(frame)}</span>
      {frame.inApp && (
        <span className="ml-2 rounded bg-brand-100 px-1 text-[10px] font-semibold uppercase text-brand-700 dark:bg-brand-900 dark:text-brand-100">in app</span>
      )}
    </span>
  );
  return (
    <li
      className={cn("py-1 text-xs", frame.inApp ? "border-l-4 border-brand-500 bg-brand-50/60 pl-2 dark:bg-brand-900/30" : "border-l-4 border-transparent pl-2")}
      data-testid="stack-frame"
      data-in-app={frame.inApp ? "true" : "false"}
    >
      {hasContext ? (
        <button type="button" className="flex w-full items-start gap-1 text-left" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <ChevronRight className={cn("mt-0.5 h-3.5 w-3.5 shrink-0 transition-transform", open && "rotate-90")} aria-hidden />
          {label}
        </button>
      ) : (
        <div className="flex items-start gap-1 pl-[1.125rem]">{label}</div>
      )}
      {open && hasContext && (
        <div className="mt-1 ml-4">
          <SourceContext frame={frame} />
        </div>
      )}
    </li>
  );
}

function LibraryGroup({ frames }: { frames: { frame: Frame; index: number }[] }) {
  const [open, setOpen] = useState(false);
  const n = frames.length;
  return (
    <li className="py-0.5" data-testid="library-frames" data-frame-count={n}>
      <button
        type="button"
        className="flex w-full items-center gap-1 rounded px-2 py-1 text-left text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <ChevronRight className={cn("h-3.5 w-3.5 shrink-0 transition-transform", open && "rotate-90")} aria-hidden />
        {open ? "Hide" : "Show"} {n} library frame{n === 1 ? "" : "s"}
      </button>
      {open && (
        <ol>
          {frames.map(({ frame, index }) => (
            <FrameRow key={index} frame={frame} initiallyOpen={false} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** A stack trace, newest call first: in-app frames stand out, the crashing in-app frame opens its source. */
export function StackFrames({ frames }: { frames: readonly Frame[] }) {
  const [all, setAll] = useState(false);
  const groups = useMemo(() => group(frames), [frames]);
  const shown = useMemo(() => {
    if (all) return groups;
    let count = 0;
    const out: Group[] = [];
    for (const g of groups) {
      if (count >= FIRST_FRAMES) break;
      out.push(g);
      count += g.kind === "app" ? 1 : g.frames.length;
    }
    return out;
  }, [groups, all]);
  const hiddenFrames = all ? 0 : groups.slice(shown.length).reduce((n, g) => n + (g.kind === "app" ? 1 : g.frames.length), 0);
  const crashing = groups.find((g) => g.kind === "app");
  const openIndex = crashing?.kind === "app" ? crashing.index : undefined;
  if (frames.length === 0) return <p className="text-xs text-zinc-500">No frames.</p>;
  return (
    <div data-testid="stack-trace" data-frame-count={frames.length}>
      <p className="mb-1 text-[11px] text-zinc-500 dark:text-zinc-400">
        {frames.length} frame{frames.length === 1 ? "" : "s"}, {frames.filter((f) => f.inApp).length} in app · most recent call first
      </p>
      <ol aria-label="Stack frames, most recent call first" className="space-y-px">
        {shown.map((g) =>
          g.kind === "app" ? (
            <FrameRow key={g.index} frame={g.frame} initiallyOpen={g.index === openIndex} />
          ) : (
            <LibraryGroup key={g.frames[0]?.index} frames={g.frames} />
          ),
        )}
      </ol>
      {hiddenFrames > 0 && (
        <button
          type="button"
          className="mt-1 rounded px-2 py-1 text-xs text-brand-600 hover:bg-zinc-100 dark:text-brand-100 dark:hover:bg-zinc-800"
          onClick={() => setAll(true)}
          data-testid="show-older-frames"
        >
          Show {hiddenFrames} older frames
        </button>
      )}
    </div>
  );
}
