import { useMemo, useState } from "react";
import { Play } from "lucide-react";
import type { ToolInfo } from "../../lib/api-schemas";
import { schemaToFields } from "../../lib/json-schema-form";
import { humanDescription } from "../../lib/tool-description";
import { SchemaForm } from "../chat/schema-form";
import { Dialog } from "../ui/dialog";

interface ToolRunDialogProps {
  tool: ToolInfo | undefined;
  onRun: (tool: ToolInfo, args: Record<string, unknown>) => void;
  onClose: () => void;
}

export function ToolRunDialog({ tool, onRun, onClose }: ToolRunDialogProps) {
  const fields = useMemo(() => (tool ? schemaToFields(tool.inputSchema) : []), [tool]);
  const [confirmed, setConfirmed] = useState(false);
  const write = tool ? !tool.readOnly : false;
  return (
    <Dialog open={tool !== undefined} title={tool?.name ?? ""} description={humanDescription(tool?.description)} onClose={onClose} codeTitle testId="tool-dialog">
      {tool && (
        <SchemaForm
          key={tool.name}
          fields={fields}
          testId="tool-form"
          busy={write && !confirmed}
          submitLabel={
            <>
              <Play className="h-3.5 w-3.5" aria-hidden /> Run tool
            </>
          }
          footer={
            write && (
              <label className="flex items-start gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="tool-confirm" />
                This tool changes data in Sentry. I confirm I want to run it.
              </label>
            )
          }
          onSubmit={(args) => onRun(tool, args)}
        />
      )}
    </Dialog>
  );
}
