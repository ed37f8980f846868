import { Sparkles } from "lucide-react";

export const sampleQuestions = [
  "Which organizations and projects can I access?",
  "What are the most frequent unresolved issues in the last 24 hours?",
  "Explain the latest error in api-backend and suggest a fix",
  "Show me the slowest transactions this week",
];

export function SampleQuestions({ onPick, disabled }: { onPick: (question: string) => void; disabled: boolean }) {
  return (
    <div className="grid gap-2 sm:grid-cols-2" data-testid="sample-questions">
      {sampleQuestions.map((q) => (
        <button
          key={q}
          type="button"
          disabled={disabled}
          onClick={() => onPick(q)}
          className="flex items-start gap-2 rounded-xl border border-zinc-200 bg-white p-3 text-left text-sm text-zinc-700 transition-colors hover:border-brand-500 hover:bg-brand-50 disabled:opacity-50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          <Sparkles className="mt-0.5 h-4 w-4 shrink-0 text-brand-500" aria-hidden />
          {q}
        </button>
      ))}
    </div>
  );
}
