import { LogIn, LogOut } from "lucide-react";
import type { AuthStatus } from "../../lib/api-schemas";
import type { Route } from "../../hooks/use-route";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { SignOutEverywhere } from "./sign-out-everywhere";

interface AppHeaderProps {
  route: Route;
  auth: AuthStatus | undefined;
  onNavigate: (route: Route) => void;
  onSignIn: () => void;
  onLogout: () => void;
  onLogoutEverywhere: () => Promise<void>;
}

export function AppHeader({ route, auth, onNavigate, onSignIn, onLogout, onLogoutEverywhere }: AppHeaderProps) {
  const link = (target: Route, label: string) => (
    <a
      href={target === "chat" ? "/chat" : "/"}
      aria-current={route === target ? "page" : undefined}
      data-testid={`nav-${target}`}
      onClick={(e) => {
        e.preventDefault();
        onNavigate(target);
      }}
      className={cn(
        "rounded-lg px-2.5 py-1.5 text-sm font-medium",
        route === target ? "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
      )}
    >
      {label}
    </a>
  );
  const user = auth?.authenticated ? auth.user : undefined;
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-3 sm:gap-4 sm:px-4">
        <a href="/" className="flex items-center gap-2 font-semibold" onClick={(e) => { e.preventDefault(); onNavigate("home"); }}>
          <img src="/favicon.svg" alt="" className="h-7 w-7" />
          <span className="hidden sm:inline">Sentry MCP</span>
        </a>
        <nav aria-label="Main" className="flex gap-1">
          {link("home", "Home")}
          {link("chat", "Chat")}
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2">
          {auth === undefined ? null : user ? (
            <>
              <span className="min-w-0 truncate text-sm text-zinc-600 dark:text-zinc-400" data-testid="signed-in-user" title={user.email ?? undefined}>
                {user.name || user.email || user.id}
              </span>
              <Button variant="ghost" size="sm" onClick={onLogout} data-testid="logout" aria-label="Log out">
                <LogOut className="h-4 w-4" aria-hidden />
                <span className="hidden sm:inline">Log out</span>
              </Button>
              <SignOutEverywhere onSignOutEverywhere={onLogoutEverywhere} />
            </>
          ) : (
            <Button size="sm" onClick={onSignIn} data-testid="connect">
              <LogIn className="h-4 w-4" aria-hidden /> Connect<span className="hidden sm:inline"> with Sentry</span>
            </Button>
          )}
        </div>
      </div>
    </header>
  );
}
