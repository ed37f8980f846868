import type { ReactNode } from "react";
import { ExternalLink as Icon } from "lucide-react";
import { safeUrl } from "./format";

/** A link to Sentry that opens in a new tab; a URL that is not http(s) is shown as plain text. */
export function ExternalLink({ href, children, testId }: { href: string | null | undefined; children: ReactNode; testId?: string }) {
  const url = safeUrl(href);
  if (!url) return <span>{children}</span>;
  return (
    <a
      href={url}
      target="_blank"
      rel="noreferrer noopener"
      className="inline-flex items-center gap-1 text-brand-600 underline-offset-2 hover:underline dark:text-brand-100"
      data-testid={testId}
    >
      {children}
      <Icon className="h-3 w-3 shrink-0" aria-hidden />
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}
