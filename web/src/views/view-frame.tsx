import { Component, type ErrorInfo, type ReactNode, Suspense, useId, useState } from "react";
import { FileText, LayoutDashboard } from "lucide-react";
import { Markdown } from "../components/chat/markdown";
import { Button } from "../components/ui/button";
import { CopyButton } from "../components/ui/copy-button";
import type { ResolvedView } from "./registry";

interface BoundaryProps {
  fallback: ReactNode;
  children: ReactNode;
}

/** A view that throws while drawing is replaced by the tool's text; the rest of the chat is unaffected. */
export class ViewErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn("A tool view failed to render; showing its text instead.", error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

interface ViewFrameProps {
  view: ResolvedView;
  /** The tool's text output (markdown): shown by "Show as text", copied by the copy button. */
  text: string;
  toolName: string;
}

export function ViewFrame({ view, text, toolName }: ViewFrameProps) {
  const [asText, setAsText] = useState(false);
  const bodyId = useId();
  const title = view.title ?? toolName;
  const { View } = view;
  const textFallback = <Markdown text={text} breaks />;
  return (
    <section className="border-t border-zinc-200 dark:border-zinc-800" aria-label={title} data-testid="tool-view" data-view-mode={asText ? "text" : "view"}>
      <div className="flex flex-wrap items-center gap-1 px-3 py-1.5">
        <h3 className="mr-auto min-w-0 truncate text-xs font-semibold text-zinc-700 dark:text-zinc-300" data-testid="tool-view-title">
          {title}
        </h3>
        <Button
          variant="ghost"
          size="sm"
          aria-pressed={asText}
          aria-controls={bodyId}
          onClick={() => setAsText((v) => !v)}
          data-testid="tool-view-toggle"
        >
          {asText ? <LayoutDashboard className="h-3.5 w-3.5" aria-hidden /> : <FileText className="h-3.5 w-3.5" aria-hidden />}
          {asText ? "Show as view" : "Show as text"}
        </Button>
        <CopyButton text={text} label="Copy text" testId="tool-view-copy" />
      </div>
      <div id={bodyId} className="max-h-[36rem] overflow-auto px-3 pb-3">
        {asText ? (
          <div data-testid="tool-result">{textFallback}</div>
        ) : (
          <ViewErrorBoundary
            fallback={
              <div data-testid="tool-view-fallback">
                <p className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">This view could not be drawn; showing the text.</p>
                {textFallback}
              </div>
            }
          >
            <Suspense fallback={<p className="py-2 text-xs text-zinc-500">Loading view…</p>}>
              <View data={view.data} />
            </Suspense>
          </ViewErrorBoundary>
        )}
      </div>
    </section>
  );
}
