import { useState } from "react";
import { ShieldOff } from "lucide-react";
import { describeSignOutEverywhereError } from "../../lib/error-messages";
import { Banner } from "../ui/banner";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";

export const signOutEverywhereSummary = "Signs you out here, in other browsers and in every MCP client you connected.";

interface SignOutEverywhereProps {
  /** Revokes every sign-in and shows the signed-out state; rejects when the server did not confirm it. */
  onSignOutEverywhere: () => Promise<void>;
}

type Step = { state: "closed" } | { state: "confirming" } | { state: "working" } | { state: "failed"; message: string };

/** "Sign out everywhere" behind a confirmation: it also disconnects MCP clients, which a stray click must not do. */
export function SignOutEverywhere({ onSignOutEverywhere }: SignOutEverywhereProps) {
  const [step, setStep] = useState<Step>({ state: "closed" });
  const working = step.state === "working";

  const confirm = async () => {
    setStep({ state: "working" });
    try {
      await onSignOutEverywhere();
      setStep({ state: "closed" });
    } catch (error) {
      setStep({ state: "failed", message: describeSignOutEverywhereError(error) });
    }
  };

  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => setStep({ state: "confirming" })}
        data-testid="logout-everywhere"
        aria-label="Sign out everywhere"
        aria-haspopup="dialog"
      >
        <ShieldOff className="h-4 w-4" aria-hidden />
        <span className="hidden md:inline">Sign out everywhere</span>
      </Button>
      <Dialog
        open={step.state !== "closed"}
        title="Sign out everywhere?"
        description={signOutEverywhereSummary}
        onClose={() => !working && setStep({ state: "closed" })}
        testId="logout-everywhere-dialog"
      >
        <div className="space-y-4">
          {step.state === "failed" && (
            <Banner tone="error" testId="logout-everywhere-error">
              {step.message}
            </Banner>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setStep({ state: "closed" })} disabled={working} data-testid="logout-everywhere-cancel">
              Cancel
            </Button>
            <Button variant="danger" onClick={() => void confirm()} disabled={working} data-testid="logout-everywhere-confirm">
              {working ? "Signing out…" : "Sign out everywhere"}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
