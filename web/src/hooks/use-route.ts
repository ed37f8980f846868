import { useCallback, useSyncExternalStore } from "react";

export type Route = "home" | "chat";

const subscribe = (notify: () => void) => {
  window.addEventListener("popstate", notify);
  return () => window.removeEventListener("popstate", notify);
};

const routeOf = (path: string): Route => (path.startsWith("/chat") ? "chat" : "home");

/** The conversation a `/chat/{id}` path names (ids are 1–64 of [A-Za-z0-9_-]), else undefined. */
export function conversationIdOf(path: string): string | undefined {
  return /^\/chat\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path)?.[1];
}

export const chatPath = (id: string) => `/chat/${encodeURIComponent(id)}`;

/** Moves this tab to a path (a history entry unless `replace`) and tells every route listener. */
export function goTo(target: string, replace = false): void {
  if (window.location.pathname === target) return;
  if (replace) window.history.replaceState(null, "", target);
  else window.history.pushState(null, "", target);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/**
 * Two pages do not need a router library; the host's SPA fallback serves index.html for both.
 * The chat's path names its conversation (`/chat/{id}`), so back and forward switch conversations.
 */
export function useRoute(): [Route, (route: Route) => void, string | undefined] {
  const path = useSyncExternalStore(subscribe, () => window.location.pathname);
  const navigate = useCallback((route: Route) => {
    if (route === "chat" && routeOf(window.location.pathname) === "chat") return;
    goTo(route === "chat" ? "/chat" : "/");
  }, []);
  return [routeOf(path), navigate, conversationIdOf(path)];
}
