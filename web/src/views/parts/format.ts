const numberFormat = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** 1234 → "1.2K"; missing → "—". */
export function compact(value: number | null | undefined): string {
  return typeof value === "number" && Number.isFinite(value) ? numberFormat.format(value) : "—";
}

export function percent(value: number | null | undefined, digits = 1): string {
  return typeof value === "number" && Number.isFinite(value) ? `${value.toFixed(digits)}%` : "—";
}

export function parseDate(value: string | number | null | undefined): Date | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const date = typeof value === "number" ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "5 min ago" / "in 3 h" / "12 Mar 2026" for older dates. */
export function relative(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const say = (n: number, unit: string) => (seconds < 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`);
  if (abs < 45) return "just now";
  if (abs < 3600) return say(Math.round(abs / 60), "min");
  if (abs < 86_400) return say(Math.round(abs / 3600), "h");
  if (abs < 30 * 86_400) return say(Math.round(abs / 86_400), "d");
  return date.toLocaleDateString("en", { day: "numeric", month: "short", year: "numeric" });
}

export function absolute(date: Date): string {
  return date.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC").replace(/Z$/, " UTC");
}

/** Only http(s) links are followed; anything else (javascript:, data:) is shown as text. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function durationMs(ms: number | null | undefined): string {
  if (typeof ms !== "number" || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}
