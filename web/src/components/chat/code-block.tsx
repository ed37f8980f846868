import { useEffect, useState } from "react";
import { CopyButton } from "../ui/copy-button";

export function CodeBlock({ code, language }: { code: string; language: string | undefined }) {
  const [html, setHtml] = useState<string>();
  useEffect(() => {
    if (!language) return;
    let live = true;
    void import("../../lib/highlight").then(({ highlight }) => {
      if (live) setHtml(highlight(code, language));
    });
    return () => {
      live = false;
    };
  }, [code, language]);

  return (
    <div className="group relative my-3 overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-1 text-xs text-zinc-500 dark:border-zinc-800">
        <span>{language ?? "text"}</span>
        <CopyButton text={code} label="Copy code" />
      </div>
      <pre className="overflow-x-auto p-3 text-[13px] leading-relaxed">
        {html !== undefined ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: highlight.js escapes the source; the output contains only its own span markup.
          <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <code>{code}</code>
        )}
      </pre>
    </div>
  );
}
