import { z } from "zod";

const KEY = "sentry-mcp-chat:dismissed-banners:v1";
const schema = z.array(z.string().max(100)).max(20);

export type BannerId = "sandbox" | "no-llm";

/** Banners the user closed, from localStorage; anything malformed there counts as none. */
export function loadDismissed(storage: Storage = localStorage): Set<string> {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return new Set();
    const parsed = schema.safeParse(JSON.parse(raw));
    return new Set(parsed.success ? parsed.data : []);
  } catch {
    return new Set();
  }
}

export function saveDismissed(ids: Set<string>, storage: Storage = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify([...ids].slice(0, 20)));
  } catch {
    // Quota or private mode: the banner comes back on the next visit.
  }
}
