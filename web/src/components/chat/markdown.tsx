import { lazy, Suspense } from "react";

// react-markdown and remark-gfm are most of the chat's weight; the first paint does not need them.
const MarkdownRenderer = lazy(() => import("./markdown-renderer"));

/** `breaks`: every line break in the text is kept (tool output puts one `**Name**: value` per line). */
export function Markdown({ text, breaks = false }: { text: string; breaks?: boolean }) {
  return (
    <div className="markdown min-w-0 break-words" data-testid="markdown">
      <Suspense fallback={<p className="my-2 whitespace-pre-wrap leading-relaxed">{text}</p>}>
        <MarkdownRenderer text={text} breaks={breaks} />
      </Suspense>
    </div>
  );
}
