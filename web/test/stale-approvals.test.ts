import type { ChatMessage } from "@/lib/chat-types";
import { closeStaleApprovals, movedOnReason } from "@/lib/stale-approvals";

const waiting: ChatMessage = {
  id: "a1",
  role: "assistant",
  parts: [
    { type: "text", text: "I will resolve it." },
    { type: "dynamic-tool", toolName: "update_issue", toolCallId: "call_1", state: "approval-requested", input: { issueId: "X-1" }, approval: { id: "ap_1" } },
    { type: "dynamic-tool", toolName: "find_projects", toolCallId: "call_2", state: "output-available", input: {}, output: "ok" },
  ],
};

describe("closeStaleApprovals", () => {
  it("denies an unanswered approval with the reason and leaves other parts alone", () => {
    const [closed] = closeStaleApprovals([waiting]);
    const [text, tool, done] = closed?.parts ?? [];
    expect(text).toEqual(waiting.parts[0]);
    expect(tool).toMatchObject({ state: "output-denied", toolCallId: "call_1", input: { issueId: "X-1" }, approval: { id: "ap_1", approved: false, reason: movedOnReason } });
    expect(done).toBe(waiting.parts[2]);
  });

  it("closes an approval answered while its siblings were not, so it cannot stay running", () => {
    const answered: ChatMessage = {
      ...waiting,
      parts: [{ type: "dynamic-tool", toolName: "update_issue", toolCallId: "c", state: "approval-responded", input: {}, approval: { id: "ap", approved: true } }],
    };
    expect(closeStaleApprovals([answered], "gone")[0]?.parts[0]).toMatchObject({ state: "output-denied", approval: { approved: false, reason: "gone" } });
  });

  it("returns the same array when nothing waits", () => {
    const user: ChatMessage = { id: "u1", role: "user", parts: [{ type: "text", text: "hi" }] };
    const messages = [user];
    expect(closeStaleApprovals(messages)).toBe(messages);
  });
});
