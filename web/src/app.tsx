import { useCallback, useRef, useState } from "react";
import { AppHeader } from "./components/features/app-header";
import { ChatPage } from "./components/features/chat-page";
import { HomePage } from "./components/features/home-page";
import { Banner } from "./components/ui/banner";
import { useAuth, useConfig, useMetadata } from "./hooks/use-app-data";
import { useDismissedBanners } from "./hooks/use-dismissed-banners";
import { useRoute } from "./hooks/use-route";
import { api } from "./lib/api";
import { clearConversation } from "./lib/chat-storage";
import { popupSignIn } from "./lib/sign-in";

function takeAuthError(): string | undefined {
  const params = new URLSearchParams(window.location.search);
  const error = params.get("authError");
  if (error === null) return undefined;
  params.delete("authError");
  const query = params.toString();
  window.history.replaceState(null, "", window.location.pathname + (query ? `?${query}` : ""));
  return error;
}

export function App() {
  const [route, navigate, conversationId] = useRoute();
  const config = useConfig();
  const auth = useAuth();
  const signedIn = auth.status?.authenticated === true;
  const metadata = useMetadata(auth.status?.authenticated === true ? auth.status.user.id : undefined);
  const [authError, setAuthError] = useState(takeAuthError);
  const banners = useDismissedBanners();
  const showSandbox = config?.sandbox === true && !banners.isDismissed("sandbox");
  const clearChat = useRef<() => void>(() => undefined);
  const registerClear = useCallback((clear: () => void) => {
    clearChat.current = clear;
  }, []);

  const signIn = useCallback(async () => {
    setAuthError(undefined);
    const result = await popupSignIn();
    if (result.ok) {
      await auth.refresh();
      return true;
    }
    if (result.error !== "closed") setAuthError(result.error);
    return false;
  }, [auth]);

  const logout = useCallback(async () => {
    clearChat.current();
    clearConversation();
    try {
      await api.logout();
    } finally {
      auth.setSignedOut();
    }
  }, [auth]);

  // Throws when the server did not confirm it, so the dialog can say so; the user stays signed in then.
  const logoutEverywhere = useCallback(async () => {
    await api.logoutEverywhere();
    clearChat.current();
    clearConversation();
    auth.setSignedOut();
  }, [auth]);

  return (
    <div className="flex h-full flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <AppHeader
        route={route}
        auth={auth.status}
        onNavigate={navigate}
        onSignIn={() => void signIn()}
        onLogout={() => void logout()}
        onLogoutEverywhere={logoutEverywhere}
      />
      {(showSandbox || authError) && (
        <div className="mx-auto w-full max-w-6xl space-y-2 px-3 pt-2 sm:px-4 sm:pt-3">
          {showSandbox && (
            <Banner tone="info" testId="sandbox-banner" onDismiss={() => banners.dismiss("sandbox")}>
              <strong>Demo mode:</strong> built-in Sentry sandbox with demo data (organization <code className="font-mono">acme</code>).
              <span className="hidden sm:inline"> Configure a Sentry host to use your own data.</span>
            </Banner>
          )}
          {authError && (
            <Banner tone="error" testId="auth-error-banner">
              Sign-in did not complete ({authError === "timeout" ? "the sign-in window timed out" : authError}). Please try again.
            </Banner>
          )}
        </div>
      )}
      {config && !config.llmConfigured && route === "home" && !banners.isDismissed("no-llm") && (
        <div className="mx-auto w-full max-w-6xl px-3 pt-2 sm:px-4">
          <Banner tone="warning" testId="home-no-llm-banner" onDismiss={() => banners.dismiss("no-llm")}>
            No AI model is configured: the chat cannot answer questions yet (set up an OpenAI-compatible LLM, see the README). MCP clients and
            the chat's <code className="font-mono">/tools</code> command work without one.
          </Banner>
        </div>
      )}
      <main id="main" className="flex min-h-0 flex-1 flex-col">
        {route === "home" && (
          <HomePage config={config} signedIn={signedIn} metadata={metadata} onSignIn={() => void signIn()} onOpenChat={() => navigate("chat")} />
        )}
        <div className={route === "chat" ? "flex min-h-0 flex-1 flex-col" : "hidden"}>
          <ChatPage config={config} signedIn={signedIn} metadata={metadata} onSignIn={signIn} onLogout={logout} registerClear={registerClear}
            conversationId={conversationId}
            active={route === "chat"}
          />
        </div>
      </main>
    </div>
  );
}
