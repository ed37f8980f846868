import { useMemo } from "react";
import { Send } from "lucide-react";
import type { PromptInfo } from "../../lib/api-schemas";
import type { FormField } from "../../lib/json-schema-form";
import { humanDescription } from "../../lib/tool-description";
import { SchemaForm } from "../chat/schema-form";
import { Dialog } from "../ui/dialog";

interface PromptDialogProps {
  prompt: PromptInfo | undefined;
  onRun: (prompt: PromptInfo, args: Record<string, string>) => void;
  onClose: () => void;
}

export function promptFields(prompt: PromptInfo): FormField[] {
  return prompt.arguments.map((a) => ({
    name: a.name,
    label: a.name,
    kind: "string",
    required: a.required,
    ...(a.description ? { description: a.description } : {}),
  }));
}

export function PromptDialog({ prompt, onRun, onClose }: PromptDialogProps) {
  const fields = useMemo(() => (prompt ? promptFields(prompt) : []), [prompt]);
  return (
    <Dialog open={prompt !== undefined} title={prompt?.name ?? ""} description={humanDescription(prompt?.description)} onClose={onClose} codeTitle testId="prompt-dialog">
      {prompt && (
        <SchemaForm
          key={prompt.name}
          fields={fields}
          testId="prompt-form"
          submitLabel={
            <>
              <Send className="h-3.5 w-3.5" aria-hidden /> Send prompt
            </>
          }
          onSubmit={(args) => onRun(prompt, Object.fromEntries(Object.entries(args).map(([k, v]) => [k, String(v)])))}
        />
      )}
    </Dialog>
  );
}
