import { absolute, parseDate, relative } from "./format";

/** A date as "3 h ago", with the exact UTC time on hover and for assistive technology. */
export function When({ value, testId }: { value: string | number | null | undefined; testId?: string }) {
  const date = parseDate(value);
  if (!date) return <span className="text-zinc-400">—</span>;
  return (
    <time dateTime={date.toISOString()} title={absolute(date)} data-testid={testId}>
      {relative(date)}
    </time>
  );
}
