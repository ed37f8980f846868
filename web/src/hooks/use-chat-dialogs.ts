import { useCallback, useEffect, useState } from "react";
import type { MetadataState } from "@/hooks/use-app-data";
import type { PromptInfo, ToolInfo } from "@/lib/api-schemas";

export type PickerKind = "tools" | "prompts";

/**
 * The chat's dialogs: the tool and prompt pickers and the form of the one picked. `/tools name`
 * typed before the tool list has loaded opens that tool once the list arrives.
 */
export function useChatDialogs(metadata: MetadataState, onClosed: () => void) {
  const [picker, setPicker] = useState<PickerKind>();
  const [tool, setTool] = useState<ToolInfo>();
  const [prompt, setPrompt] = useState<PromptInfo>();
  const [pending, setPending] = useState<{ kind: PickerKind; name: string }>();
  const tools = metadata.state === "ready" ? metadata.metadata.tools : [];
  const prompts = metadata.state === "ready" ? metadata.metadata.prompts : [];

  const show = useCallback((kind: PickerKind, name: string, list: { tools: ToolInfo[]; prompts: PromptInfo[] }) => {
    if (kind === "tools") {
      const found = list.tools.find((t) => t.name === name);
      if (found) return setTool(found);
    } else {
      const found = list.prompts.find((p) => p.name === name);
      if (found) return setPrompt(found);
    }
    setPicker(kind);
  }, []);

  useEffect(() => {
    if (pending === undefined || metadata.state !== "ready") return;
    setPending(undefined);
    show(pending.kind, pending.name, metadata.metadata);
  }, [pending, metadata, show]);

  /** Opens the named tool or prompt's form, or the picker when there is no name (or no such item). */
  const open = (kind: PickerKind, name: string) => {
    if (name && metadata.state !== "ready") {
      setPending({ kind, name });
      return;
    }
    show(kind, name, { tools, prompts });
  };

  const close = () => {
    setPicker(undefined);
    setTool(undefined);
    setPrompt(undefined);
    onClosed();
  };

  const pickTool = (name: string) => {
    setPicker(undefined);
    setTool(tools.find((t) => t.name === name));
  };

  const pickPrompt = (name: string) => {
    setPicker(undefined);
    setPrompt(prompts.find((p) => p.name === name));
  };

  const anyOpen = picker !== undefined || tool !== undefined || prompt !== undefined;
  return { picker, tool, prompt, tools, prompts, anyOpen, open, close, pickTool, pickPrompt };
}
