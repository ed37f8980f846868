import { useEffect, useRef, useState } from "react";
import { ArrowDown, LogIn } from "lucide-react";
import { useChatSession, localId } from "../../hooks/use-chat-session";
import { useAutoScroll } from "../../hooks/use-auto-scroll";
import type { MetadataState } from "../../hooks/use-app-data";
import { api } from "../../lib/api";
import type { AppConfig, PromptInfo, ToolInfo } from "../../lib/api-schemas";
import { ApiError } from "../../lib/api-error";
import { describeError, type ChatErrorView } from "../../lib/error-messages";
import { helpText, parseInput, promptMessage } from "../../lib/slash-commands";
import { ChatError } from "../chat/chat-error";
import { ChatInput, type ChatInputHandle } from "../chat/chat-input";
import { MessageView } from "../chat/message-view";
import { SampleQuestions } from "../chat/sample-questions";
import { Banner } from "../ui/banner";
import { Button } from "../ui/button";
import { PickerDialog } from "./picker-dialog";
import { PromptDialog } from "./prompt-dialog";
import { ToolRunDialog } from "./tool-run-dialog";

interface ChatPageProps {
  config: AppConfig | undefined;
  signedIn: boolean;
  metadata: MetadataState;
  onSignIn: () => Promise<boolean>;
  onLogout: () => Promise<void>;
  registerClear: (clear: () => void) => void;
}

type Picker = "tools" | "prompts" | undefined;

export function ChatPage({ config, signedIn, metadata, onSignIn, onLogout, registerClear }: ChatPageProps) {
  const chat = useChatSession();
  const { messages, status, error, sendMessage, regenerate, stop, clearError, addToolApprovalResponse, appendLocal, updateToolPart, clear } = chat;
  const [localError, setLocalError] = useState<ChatErrorView>();
  const [picker, setPicker] = useState<Picker>();
  const [tool, setTool] = useState<ToolInfo>();
  const [prompt, setPrompt] = useState<PromptInfo>();
  const input = useRef<ChatInputHandle>(null);
  const busy = status === "submitted" || status === "streaming";
  const tools = metadata.state === "ready" ? metadata.metadata.tools : [];
  const prompts = metadata.state === "ready" ? metadata.metadata.prompts : [];

  useEffect(() => registerClear(clear), [registerClear, clear]);
  useEffect(() => input.current?.focus(), []);

  const shownError = localError ?? (error ? describeError(error) : undefined);
  const scroll = useAutoScroll<HTMLDivElement>([messages, status, shownError?.code]);

  const closeDialogs = () => {
    setPicker(undefined);
    setTool(undefined);
    setPrompt(undefined);
    input.current?.focus();
  };

  const send = (text: string) => {
    setLocalError(undefined);
    clearError();
    void sendMessage({ text });
  };

  const runTool = async (info: ToolInfo, args: Record<string, unknown>) => {
    closeDialogs();
    setLocalError(undefined);
    const toolCallId = localId("tool");
    const messageId = appendLocal(`/tools ${info.name}`, [
      { type: "dynamic-tool", toolName: info.name, toolCallId, state: "input-available", input: args },
    ]);
    try {
      const result = await api.runTool(info.name, args, !info.readOnly);
      updateToolPart(messageId, toolCallId, (p) => ({ type: "dynamic-tool", toolName: p.toolName, toolCallId, state: "output-available", input: p.input, output: result }));
    } catch (e) {
      const view = describeError(e);
      updateToolPart(messageId, toolCallId, (p) => ({ type: "dynamic-tool", toolName: p.toolName, toolCallId, state: "output-error", input: p.input, errorText: view.message }));
      if (view.action === "sign-in") setLocalError(view);
    }
  };

  // "/tools name" typed before the tool list has loaded opens that tool once it arrives.
  const [pending, setPending] = useState<{ kind: "tools" | "prompts"; name: string }>();
  useEffect(() => {
    if (pending === undefined || metadata.state !== "ready") return;
    setPending(undefined);
    const found =
      pending.kind === "tools"
        ? metadata.metadata.tools.find((t) => t.name === pending.name)
        : metadata.metadata.prompts.find((p) => p.name === pending.name);
    if (found === undefined) setPicker(pending.kind);
    else if (pending.kind === "tools") setTool(found as ToolInfo);
    else setPrompt(found as PromptInfo);
  }, [pending, metadata]);

  const openPicker = (kind: "tools" | "prompts", name: string) => {
    if (!signedIn) {
      setLocalError(describeError(new ApiError(401, { code: "MISSING_AUTH_TOKEN" })));
      return;
    }
    if (name && metadata.state !== "ready") {
      setPending({ kind, name });
      return;
    }
    if (name) {
      if (kind === "tools") {
        const found = tools.find((t) => t.name === name);
        if (found) return setTool(found);
      } else {
        const found = prompts.find((p) => p.name === name);
        if (found) return setPrompt(found);
      }
    }
    setPicker(kind);
  };

  const onSubmit = (raw: string) => {
    const parsed = parseInput(raw);
    switch (parsed.kind) {
      case "message":
        return send(parsed.text);
      case "unknown-command":
        appendLocal(raw.trim(), [{ type: "text", text: `Unknown command \`/${parsed.name}\`.\n\n${helpText()}` }]);
        return;
      case "command":
        switch (parsed.name) {
          case "help":
            appendLocal("/help", [{ type: "text", text: helpText() }]);
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

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div
        ref={scroll.ref}
        onScroll={scroll.onScroll}
        className="relative min-h-0 flex-1 overflow-y-auto"
        data-testid="message-list"
      >
        <div className="mx-auto w-full max-w-3xl px-3 py-4 sm:px-4" role="log" aria-label="Conversation" aria-live="polite" aria-relevant="additions" aria-busy={busy}>
          {messages.length === 0 && (
            <div className="py-8 text-center">
              <h1 className="text-2xl font-semibold tracking-tight">Ask about your Sentry data</h1>
              <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
                The assistant uses Sentry's tools to look things up. Type <kbd className="rounded border px-1 font-mono text-xs">/</kbd> for commands.
              </p>
              <div className="mt-6 text-left">
                {signedIn ? (
                  <SampleQuestions onPick={send} disabled={busy} />
                ) : (
                  <div className="rounded-xl border border-zinc-200 p-6 text-center dark:border-zinc-800">
                    <p className="mb-3 text-sm">Connect your Sentry account to start.</p>
                    <Button onClick={() => void onSignIn()} data-testid="chat-connect">
                      <LogIn className="h-4 w-4" aria-hidden /> Connect with Sentry
                    </Button>
                  </div>
                )}
              </div>
            </div>
          )}
          {messages.map((m, i) => (
            <MessageView
              key={m.id}
              message={m}
              streaming={busy && i === messages.length - 1}
              onApproval={(id, approved) => void addToolApprovalResponse({ id, approved })}
              onRegenerate={canRegenerate && i === messages.length - 1 ? () => void regenerate() : undefined}
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
              <ChatError error={shownError} onSignIn={() => void signInAgain()} onRetry={retry} />
            </div>
          )}
        </div>
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {busy ? "The assistant is responding." : status === "ready" && lastText ? "The assistant finished responding." : ""}
      </p>
      <div className="mx-auto w-full max-w-3xl px-3 pb-3 sm:px-4">
        {!scroll.pinned && (
          <div className="-mt-12 mb-2 flex justify-center">
            <Button variant="secondary" size="sm" onClick={scroll.scrollToBottom} className="shadow" data-testid="jump-to-latest">
              <ArrowDown className="h-3.5 w-3.5" aria-hidden /> Jump to latest
            </Button>
          </div>
        )}
        {config && !config.llmConfigured && signedIn && (
          <div className="mb-2">
            <Banner tone="warning" testId="no-llm-banner">
              No AI model is configured, so questions cannot be answered. <code className="font-mono">/tools</code> still runs Sentry tools directly.
            </Banner>
          </div>
        )}
        <ChatInput
          ref={input}
          busy={busy}
          placeholder={signedIn ? "Ask about issues, errors, traces… ( / for commands)" : "Type /help, or connect with Sentry to chat"}
          onSubmit={onSubmit}
          onStop={() => void stop()}
        />
        <p className="mt-1.5 text-center text-[11px] text-zinc-500">
          Enter to send · Shift+Enter for a new line{config?.model ? ` · ${config.model}` : ""}
        </p>
      </div>
      <PickerDialog
        open={picker === "tools"}
        title="Run a tool"
        testId="tools-picker"
        emptyText={metadata.state === "ready" ? "No tools match." : "Loading tools…"}
        items={tools.map((t) => ({ name: t.name, description: t.description, ...(t.readOnly ? {} : { badge: "writes" }) }))}
        onPick={(name) => {
          setPicker(undefined);
          setTool(tools.find((t) => t.name === name));
        }}
        onClose={closeDialogs}
      />
      <PickerDialog
        open={picker === "prompts"}
        title="Use a prompt"
        testId="prompts-picker"
        emptyText={metadata.state === "ready" ? "No prompts match." : "Loading prompts…"}
        items={prompts.map((p) => ({ name: p.name, description: p.description ?? "" }))}
        onPick={(name) => {
          setPicker(undefined);
          setPrompt(prompts.find((p) => p.name === name));
        }}
        onClose={closeDialogs}
      />
      <ToolRunDialog tool={tool} onRun={(t, args) => void runTool(t, args)} onClose={closeDialogs} />
      <PromptDialog
        prompt={prompt}
        onRun={(p, args) => {
          closeDialogs();
          send(promptMessage(p.name, args));
        }}
        onClose={closeDialogs}
      />
    </div>
  );
}
