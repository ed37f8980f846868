import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { CodeBlock } from "./code-block";

const components: Components = {
  pre: ({ children }) => <>{children}</>,
  code: ({ className, children }) => {
    const text = String(children ?? "");
    const language = /language-([\w#+-]+)/.exec(className ?? "")?.[1];
    if (language || text.includes("\n")) return <CodeBlock code={text.replace(/\n$/, "")} language={language} />;
    return <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.85em] dark:bg-zinc-800">{children}</code>;
  },
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noreferrer noopener" className="text-brand-600 underline underline-offset-2 dark:text-brand-100">
      {children}
    </a>
  ),
  table: ({ children }) => (
    <div className="my-3 overflow-x-auto">
      <table className="w-full border-collapse text-sm">{children}</table>
    </div>
  ),
  th: ({ children }) => (
    <th className="border border-zinc-200 bg-zinc-50 px-2 py-1 text-left font-semibold dark:border-zinc-700 dark:bg-zinc-800">{children}</th>
  ),
  td: ({ children }) => <td className="border border-zinc-200 px-2 py-1 align-top dark:border-zinc-700">{children}</td>,
  h1: ({ children }) => <h3 className="mt-4 mb-2 text-lg font-semibold">{children}</h3>,
  h2: ({ children }) => <h4 className="mt-4 mb-2 text-base font-semibold">{children}</h4>,
  h3: ({ children }) => <h5 className="mt-3 mb-1 font-semibold">{children}</h5>,
  ul: ({ children }) => <ul className="my-2 list-disc space-y-1 pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="my-2 list-decimal space-y-1 pl-6">{children}</ol>,
  p: ({ children }) => <p className="my-2 leading-relaxed">{children}</p>,
  blockquote: ({ children }) => <blockquote className="my-2 border-l-4 border-zinc-300 pl-3 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">{children}</blockquote>,
};

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** Turns the line breaks inside paragraphs into hard breaks (like GitHub comments); code is left alone. */
export function keepLineBreaks() {
  const visit = (node: MdNode) => {
    if (!node.children) return;
    node.children = node.children.flatMap((child): MdNode[] => {
      if (child.type === "text" && child.value?.includes("\n")) {
        return child.value.split("\n").flatMap((line, i) => (i === 0 ? [{ type: "text", value: line }] : [{ type: "break" }, { type: "text", value: line }]));
      }
      visit(child);
      return [child];
    });
  };
  return (tree: MdNode) => visit(tree);
}

const plain = [remarkGfm];
const withBreaks = [remarkGfm, keepLineBreaks];

export default function MarkdownRenderer({ text, breaks = false }: { text: string; breaks?: boolean }) {
  return (
    <ReactMarkdown remarkPlugins={breaks ? withBreaks : plain} components={components}>
      {text}
    </ReactMarkdown>
  );
}
