import { useCallback, useSyncExternalStore } from "react";
import { type BannerId, loadDismissed, saveDismissed } from "@/lib/dismissed-banners";

// One store for the whole page: the header's banners and the chat's share it, so closing one never
// writes back a stale list that reopens another.
let current: ReadonlySet<string> | undefined;
const listeners = new Set<() => void>();

const snapshot = (): ReadonlySet<string> => {
  current ??= loadDismissed();
  return current;
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Which banners the user closed; remembered in localStorage so they stay closed on the next visit. */
export function useDismissedBanners() {
  const dismissed = useSyncExternalStore(subscribe, snapshot);
  const dismiss = useCallback((id: BannerId) => {
    const next = new Set(snapshot()).add(id);
    saveDismissed(next);
    current = next;
    for (const listener of listeners) listener();
  }, []);
  const isDismissed = useCallback((id: BannerId) => dismissed.has(id), [dismissed]);
  return { isDismissed, dismiss };
}
