import { lazy, Suspense } from "react";

// react-markdown and remark-gfm are most of the chat's weight; the first paint does not need them.
const MarkdownRenderer = lazy(() => import("./markdown-renderer"));

export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown min-w-0 break-words" data-testid="markdown">
      <Suspense fallback={<p className="my-2 whitespace-pre-wrap leading-relaxed">{text}</p>}>
        <MarkdownRenderer text={text} />
      </Suspense>
    </div>
  );
}
