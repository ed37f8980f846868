import { useCallback, useSyncExternalStore } from "react";

export type Route = "home" | "chat";

const subscribe = (notify: () => void) => {
  window.addEventListener("popstate", notify);
  return () => window.removeEventListener("popstate", notify);
};

const routeOf = (path: string): Route => (path.startsWith("/chat") ? "chat" : "home");

/** Two pages do not need a router library; the host's SPA fallback serves index.html for both. */
export function useRoute(): [Route, (route: Route) => void] {
  const path = useSyncExternalStore(subscribe, () => window.location.pathname);
  const navigate = useCallback((route: Route) => {
    const target = route === "chat" ? "/chat" : "/";
    if (window.location.pathname !== target) {
      window.history.pushState(null, "", target);
      window.dispatchEvent(new PopStateEvent("popstate"));
    }
  }, []);
  return [routeOf(path), navigate];
}
