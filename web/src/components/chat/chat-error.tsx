import { useEffect, useState } from "react";
import type { ChatErrorView } from "../../lib/error-messages";
import { Banner } from "../ui/banner";
import { Button } from "../ui/button";

interface ChatErrorProps {
  error: ChatErrorView;
  onSignIn: () => void;
  onRetry: () => void;
}

export function ChatError({ error, onSignIn, onRetry }: ChatErrorProps) {
  const [wait, setWait] = useState(error.retryAfterSeconds ?? 0);
  useEffect(() => {
    setWait(error.retryAfterSeconds ?? 0);
  }, [error]);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait((w) => w - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  return (
    <Banner tone="error" testId="chat-error">
      <p className="font-medium" data-testid="chat-error-title">
        {error.title}
      </p>
      <p className="mt-0.5" data-testid="chat-error-message">
        {error.message}
      </p>
      <div className="mt-2 flex gap-2">
        {error.action === "sign-in" && (
          <Button size="sm" onClick={onSignIn} data-testid="sign-in-again">
            Sign in again
          </Button>
        )}
        {error.action === "retry" && (
          <Button size="sm" variant="secondary" onClick={onRetry} disabled={wait > 0} data-testid="try-again">
            {wait > 0 ? `Try again in ${wait}s` : "Try again"}
          </Button>
        )}
      </div>
    </Banner>
  );
}
