import { useEffect, useRef, useState } from "react";
import { ArrowDown, Menu } from "lucide-react";
import { ChatError } from "@/components/chat/chat-error";
import { ChatInput, type ChatInputHandle } from "@/components/chat/chat-input";
import { ChatWelcome } from "@/components/chat/chat-welcome";
import { MessageView, messageText } from "@/components/chat/message-view";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { LoadError } from "@/components/ui/load-error";
import type { MetadataState } from "@/hooks/use-app-data";
import { useAutoScroll } from "@/hooks/use-auto-scroll";
import { useChatDialogs } from "@/hooks/use-chat-dialogs";
import { useChatSession } from "@/hooks/use-chat-session";
import { chatPath, goTo } from "@/hooks/use-route";
import { useCountdown } from "@/hooks/use-countdown";
import { useDismissedBanners } from "@/hooks/use-dismissed-banners";
import { useToolRuns } from "@/hooks/use-tool-runs";
import type { AppConfig } from "@/lib/api-schemas";
import type { ChatMessage } from "@/lib/chat-types";
import { type ChatErrorView, describeError, noModelView, notSignedInView } from "@/lib/error-messages";
import { helpText, parseInput, parsePromptMessage, promptMessage } from "@/lib/slash-commands";
import { closeStaleApprovals } from "@/lib/stale-approvals";
import { ConversationSidebar } from "./conversation-sidebar";
import { PickerDialog } from "./picker-dialog";
import { PromptDialog } from "./prompt-dialog";
import { ToolRunDialog } from "./tool-run-dialog";
import { humanDescription } from "@/lib/tool-description";

interface ChatPageProps {
  config: AppConfig | undefined;
  signedIn: boolean;
  metadata: MetadataState;
  onSignIn: () => Promise<boolean>;
  onLogout: () => Promise<void>;
  registerClear: (clear: () => void) => void;
  /** The conversation the URL names (`/chat/{id}`); without one the tab keeps its own. */
  conversationId?: string | undefined;
  /** The chat page is the one shown (the URL follows the conversation only then). */
  active?: boolean;
}

export function ChatPage({ config, signedIn, metadata, onSignIn, onLogout, registerClear, conversationId, active = true }: ChatPageProps) {
  const chat = useChatSession(conversationId);
  const { messages, status, error, sendMessage, regenerate, stop, clearError, addToolApprovalResponse, appendLocal, setMessages, clear, reload } = chat;
  const [localError, setLocalError] = useState<ChatErrorView>();
  const [rateLimitedUntil, setRateLimitedUntil] = useState<number>();
  const waitSeconds = useCountdown(rateLimitedUntil);
  const banners = useDismissedBanners();
  const input = useRef<ChatInputHandle>(null);
  const busy = status === "submitted" || status === "streaming";
  // Until the config has loaded, assume a model: the server still answers 503 if there is none.
  const llmConfigured = config?.llmConfigured !== false;
  const dialogs = useChatDialogs(metadata, () => input.current?.focus());
  const metadataError = metadata.state === "error" && (
    <LoadError testId="picker-error" onRetry={metadata.retry}>
      Could not load the list: {metadata.message}
    </LoadError>
  );

  useEffect(() => registerClear(clear), [registerClear, clear]);
  const [drawerOpen, setDrawerOpen] = useState(false);

  // The URL names the conversation: a new one (New chat, /clear) gets its own history entry; a bare
  // /chat is completed in place. Back and forward change the URL, and the session follows it.
  const shownId = useRef(chat.id);
  useEffect(() => {
    if (!active) return;
    const changed = shownId.current !== chat.id;
    shownId.current = chat.id;
    if (conversationId === undefined) goTo(chatPath(chat.id), true);
    else if (changed && conversationId !== chat.id) goTo(chatPath(chat.id));
  }, [active, chat.id, conversationId]);

  const openConversation = (id: string) => {
    setDrawerOpen(false);
    goTo(chatPath(id));
  };
  useEffect(() => input.current?.focus(), []);

  // A client that believes it is signed in and gets a 401 had a session that ended; otherwise there was none.
  const chatError = error ? describeError(error, { everSignedIn: signedIn }) : undefined;
  const shownError = localError ?? chatError;
  const scroll = useAutoScroll<HTMLDivElement>([messages, status, shownError?.code]);

  // A rate limit holds the composer until it has passed, even after its error was cleared by a command.
  useEffect(() => {
    if (chatError?.code === "RATE_LIMIT_EXCEEDED") setRateLimitedUntil(Date.now() + (chatError.retryAfterSeconds ?? 60) * 1000);
  }, [chatError?.code, chatError?.retryAfterSeconds]);

  // The server refused an edit or a regenerate (its answer is running elsewhere, or the message is gone):
  // what this tab shows may differ from what is stored, so show the stored conversation with the reason.
  useEffect(() => {
    if (!error) return;
    const view = describeError(error);
    if (view.code !== "MESSAGE_NOT_EDITABLE" && view.code !== "MESSAGE_NOT_FOUND") return;
    setLocalError(view);
    reload();
  }, [error, reload]);

  // Esc stops a streaming answer (unless a dialog or the command list took the key first).
  useEffect(() => {
    if (!busy || dialogs.anyOpen) return;
    const onKey = (e: KeyboardEvent) => {
      // A modal dialog open (the sidebar's "delete all") owns Esc: it closes the dialog, nothing else.
      if (e.key === "Escape" && !e.defaultPrevented && !document.querySelector("dialog[open]")) void stop();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [busy, dialogs.anyOpen, stop]);

  /**
   * Every new turn starts clean: earlier errors go (they would otherwise sit below newer results)
   * and approvals nobody answered are closed as denied, so their buttons cannot run a stale call.
   */
  const moveOn = () => {
    setLocalError(undefined);
    clearError();
    setMessages((current: ChatMessage[]) => closeStaleApprovals(current));
  };

  /** Whether the model can answer now; if not, says why (signed out, no model). */
  const canAnswer = (): boolean => {
    if (!signedIn) {
      setLocalError(notSignedInView);
      return false;
    }
    if (!llmConfigured) {
      setLocalError(noModelView);
      return false;
    }
    return true;
  };

  /** Sends to the model; false (the text stays in the box) when it cannot be answered. */
  const ask = (text: string): boolean => {
    if (!canAnswer()) return false;
    moveOn();
    void sendMessage({ text });
    return true;
  };

  /**
   * Edit and resend: the question is replaced and the conversation continues from it (the server drops
   * what followed). A question the server never took (refused before an answer began) is sent anew.
   */
  const edit = (messageId: string, text: string): boolean => {
    if (!canAnswer()) return false;
    const index = messages.findIndex((m) => m.id === messageId);
    const answered = messages.slice(index + 1).some((m) => m.role === "assistant" && !m.metadata?.local);
    moveOn();
    if (answered) {
      void sendMessage({ text, messageId });
    } else {
      setMessages((current: ChatMessage[]) => current.slice(0, current.findIndex((m) => m.id === messageId)));
      void sendMessage({ text });
    }
    return true;
  };
  const canEdit = (m: ChatMessage) =>
    m.role === "user" && !m.metadata?.local && !busy && waitSeconds === 0 && parsePromptMessage(messageText(m)) === undefined;

  const local = (userText: string, answer: string) => {
    moveOn();
    appendLocal(userText, [{ type: "text", text: answer }]);
  };

  const runTool = useToolRuns(chat, setLocalError);

  const openPicker = (kind: "tools" | "prompts", name: string) => {
    if (!signedIn) {
      setLocalError(notSignedInView);
      return;
    }
    dialogs.open(kind, name);
  };

  const onSubmit = (raw: string): boolean | undefined => {
    const parsed = parseInput(raw);
    switch (parsed.kind) {
      case "message":
        return ask(parsed.text);
      case "unknown-command":
        local(raw.trim(), `Unknown command \`/${parsed.name}\`.\n\n${helpText()}`);
        return;
      case "command":
        switch (parsed.name) {
          case "help":
            local("/help", helpText());
            return;
          case "clear":
            setLocalError(undefined);
            clear();
            return;
          case "logout":
            void onLogout();
            return;
          case "tools":
          case "prompts":
            openPicker(parsed.name, parsed.argument);
            return;
        }
    }
  };

  const signInAgain = async () => {
    if (await onSignIn()) {
      const wasChatError = localError === undefined && error !== undefined;
      setLocalError(undefined);
      clearError();
      if (wasChatError) void regenerate();
    }
  };

  const retry = () => {
    setLocalError(undefined);
    clearError();
    void regenerate();
  };

  const last = messages.at(-1);
  const canRegenerate = last?.role === "assistant" && !last.metadata?.local && !busy;
  const lastText = last?.role === "assistant" ? last.parts.filter((p) => p.type === "text").map((p) => p.text).join("") : "";
  // The error says it already: no banner repeating it above the composer.
  const showNoModelBanner = config?.llmConfigured === false && signedIn && !banners.isDismissed("no-llm") && shownError?.code !== noModelView.code;

  return (
    <div className="flex min-h-0 flex-1">
      {signedIn && (
        <ConversationSidebar
          currentId={chat.id}
          refreshKey={`${chat.id}:${busy}:${chat.title ?? ""}`}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          onOpen={openConversation}
          onNew={() => {
            setDrawerOpen(false);
            clear();
            input.current?.focus();
          }}
          onDeletedCurrent={clear}
        />
      )}
    <div className="flex min-h-0 min-w-0 flex-1 flex-col">
      {signedIn && (
        <div className="flex items-center gap-2 border-b border-zinc-200 px-2 py-1 sm:hidden dark:border-zinc-800">
          <Button variant="ghost" size="icon" aria-label="Conversations" aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} data-testid="open-conversations">
            <Menu className="h-4 w-4" aria-hidden />
          </Button>
          <span className="min-w-0 flex-1 truncate text-sm text-zinc-600 dark:text-zinc-400">{chat.title ?? "New chat"}</span>
        </div>
      )}
      {/* The jump button sits in the list's own positioned box, above the scrolling content, so a click reaches it. */}
      <div className="relative flex min-h-0 flex-1 flex-col">
        <div ref={scroll.ref} onScroll={scroll.onScroll} className="min-h-0 flex-1 overflow-y-auto" data-testid="message-list">
          <div
            className="mx-auto w-full max-w-3xl px-3 py-4 sm:px-4"
            role="log"
            aria-label="Conversation"
            aria-live="polite"
            aria-relevant="additions"
            aria-busy={busy}
          >
            {messages.length === 0 && (
              <ChatWelcome
                signedIn={signedIn}
                llmConfigured={llmConfigured}
                busy={busy}
                toolNames={dialogs.tools.map((t) => t.name)}
                toolsError={metadata.state === "error" ? metadata : undefined}
                onAsk={(q) => void ask(q)}
                onOpenTools={(name) => openPicker("tools", name)}
                onSignIn={() => void onSignIn()}
              />
            )}
            {messages.map((m, i) => (
              <MessageView
                key={m.id}
                message={m}
                streaming={busy && i === messages.length - 1}
                onApproval={(id, approved) => void addToolApprovalResponse({ id, approved, ...(approved ? {} : { reason: "The user denied it." }) })}
                onRegenerate={canRegenerate && i === messages.length - 1 ? () => void regenerate() : undefined}
                onEdit={canEdit(m) ? (text) => edit(m.id, text) : undefined}
              />
            ))}
            {status === "submitted" && (
              <div className="flex items-center gap-2 px-12 py-2 text-sm text-zinc-500" data-testid="thinking">
                <span className="inline-flex gap-1" aria-hidden>
                  <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-zinc-400" />
                  <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-zinc-400 [animation-delay:150ms]" />
                  <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-zinc-400 [animation-delay:300ms]" />
                </span>
                Thinking…
              </div>
            )}
            {shownError && (
              <div className="py-2">
                <ChatError error={shownError} waitSeconds={waitSeconds} onSignIn={() => void signInAgain()} onRetry={retry} />
              </div>
            )}
          </div>
        </div>
        {!scroll.pinned && (
          <div className="pointer-events-none absolute inset-x-0 bottom-2 z-10 flex justify-center">
            <Button variant="secondary" size="sm" onClick={scroll.scrollToBottom} className="pointer-events-auto shadow" data-testid="jump-to-latest">
              <ArrowDown className="h-3.5 w-3.5" aria-hidden /> Jump to latest
            </Button>
          </div>
        )}
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {busy ? "The assistant is responding." : status === "ready" && lastText ? "The assistant finished responding." : ""}
      </p>
      <div className="mx-auto w-full max-w-3xl px-3 pb-3 sm:px-4">
        {showNoModelBanner && (
          <div className="mb-2">
            <Banner tone="warning" testId="no-llm-banner" onDismiss={() => banners.dismiss("no-llm")}>
              No AI model is configured, so questions cannot be answered.
              <span className="hidden sm:inline">
                {" "}
                <code className="font-mono">/tools</code> still runs Sentry tools directly.
              </span>
            </Banner>
          </div>
        )}
        <ChatInput
          ref={input}
          busy={busy}
          waitSeconds={waitSeconds}
          placeholder={
            !signedIn ? "Type /help, or connect with Sentry to chat" : llmConfigured ? "Ask about issues, errors, traces… ( / for commands)" : "Type /tools to run a Sentry tool"
          }
          onSubmit={onSubmit}
          onStop={() => void stop()}
        />
        <p className="mt-1.5 hidden text-center text-[11px] text-zinc-500 sm:block">
          Enter to send · Shift+Enter for a new line{busy ? " · Esc to stop" : ""}
          {config?.model ? ` · ${config.model}` : ""}
        </p>
      </div>
      <PickerDialog
        open={dialogs.picker === "tools"}
        title="Run a tool"
        testId="tools-picker"
        emptyText={metadata.state === "ready" ? "No tools match." : "Loading tools…"}
        error={metadataError || undefined}
        items={dialogs.tools.map((t) => ({ name: t.name, description: humanDescription(t.description), ...(t.readOnly ? {} : { badge: "writes" }) }))}
        onPick={dialogs.pickTool}
        onClose={dialogs.close}
      />
      <PickerDialog
        open={dialogs.picker === "prompts"}
        title="Use a prompt"
        testId="prompts-picker"
        emptyText={metadata.state === "ready" ? "No prompts match." : "Loading prompts…"}
        error={metadataError || undefined}
        items={dialogs.prompts.map((p) => ({ name: p.name, description: humanDescription(p.description) }))}
        onPick={dialogs.pickPrompt}
        onClose={dialogs.close}
      />
      <ToolRunDialog
        tool={dialogs.tool}
        onRun={(t, args) => {
          dialogs.close();
          moveOn();
          void runTool(t, args);
        }}
        onClose={dialogs.close}
      />
      <PromptDialog
        prompt={dialogs.prompt}
        onRun={(p, args) => {
          dialogs.close();
          ask(promptMessage(p.name, args));
        }}
        onClose={dialogs.close}
      />
    </div>
    </div>
  );
}
