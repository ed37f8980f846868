import { useEffect, useState } from "react";

const secondsLeft = (until: number | undefined) => (until === undefined ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000)));

/** Whole seconds left until `until` (a Date.now() time), updated once a second; 0 when it has passed. */
export function useCountdown(until: number | undefined): number {
  const [left, setLeft] = useState(() => secondsLeft(until));
  useEffect(() => {
    setLeft(secondsLeft(until));
    if (until === undefined) return;
    const timer = window.setInterval(() => {
      const next = secondsLeft(until);
      setLeft(next);
      if (next === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return left;
}
