import { useCallback, useEffect, useRef, useState } from "react";

const NEAR_BOTTOM_PX = 80;

/**
 * Follows new content only while the user is at the bottom; scrolling up pauses it until they
 * come back down (or press "jump to latest").
 */
export function useAutoScroll<T extends HTMLElement>(dependencies: readonly unknown[]) {
  const ref = useRef<T>(null);
  const [pinned, setPinned] = useState(true);
  const pinnedRef = useRef(true);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX;
    pinnedRef.current = atBottom;
    setPinned(atBottom);
  }, []);

  const scrollToBottom = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    pinnedRef.current = true;
    setPinned(true);
  }, []);

  // The caller lists what counts as new content (messages, status, an error banner).
  useEffect(() => {
    const el = ref.current;
    if (el && pinnedRef.current) el.scrollTop = el.scrollHeight;
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's list of what counts as new content.
  }, dependencies);

  return { ref, pinned, onScroll, scrollToBottom };
}
