import type { ChatErrorView } from "@/lib/error-messages";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";

interface ChatErrorProps {
  error: ChatErrorView;
  /** Seconds left before a retry is allowed (a rate limit), counted down by the page. */
  waitSeconds: number;
  onSignIn: () => void;
  onRetry: () => void;
}

export function ChatError({ error, waitSeconds, onSignIn, onRetry }: ChatErrorProps) {
  const message =
    error.code === "RATE_LIMIT_EXCEEDED" && error.retryAfterSeconds !== undefined
      ? waitSeconds > 0
        ? `You can send again in ${waitSeconds} second${waitSeconds === 1 ? "" : "s"}.`
        : "You can send again now."
      : error.message;
  return (
    <Banner tone="error" testId="chat-error">
      <p className="font-medium" data-testid="chat-error-title">
        {error.title}
      </p>
      <p className="mt-0.5" data-testid="chat-error-message">
        {message}
      </p>
      <div className="mt-2 flex gap-2">
        {error.action === "sign-in" && (
          <Button size="sm" onClick={onSignIn} data-testid="sign-in-again">
            {error.signInLabel ?? "Sign in again"}
          </Button>
        )}
        {error.action === "retry" && (
          <Button size="sm" variant="secondary" onClick={onRetry} disabled={waitSeconds > 0} data-testid="try-again">
            {waitSeconds > 0 ? `Try again in ${waitSeconds}s` : "Try again"}
          </Button>
        )}
      </div>
    </Banner>
  );
}
