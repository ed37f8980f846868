import { render, screen } from "@testing-library/react";
import { MessageView } from "../src/components/chat/message-view";
import type { ChatMessage } from "../src/lib/chat-types";

const answer = (metadata: ChatMessage["metadata"]): ChatMessage => ({
  id: "a1",
  role: "assistant",
  parts: [{ type: "text", text: "The answer so far" }],
  metadata,
});

describe("an interrupted answer", () => {
  it("says the answer was interrupted under the text it kept", () => {
    render(<MessageView message={answer({ interrupted: true })} onApproval={() => undefined} streaming={false} />);
    expect(screen.getByText("The answer so far")).toBeInTheDocument();
    expect(screen.getByTestId("answer-interrupted")).toHaveTextContent("Answer interrupted");
  });

  it("says nothing for a finished answer, nor while one is still streaming", () => {
    const { rerender } = render(<MessageView message={answer({ model: "m" })} onApproval={() => undefined} streaming={false} />);
    expect(screen.queryByTestId("answer-interrupted")).not.toBeInTheDocument();
    rerender(<MessageView message={answer({ interrupted: true })} onApproval={() => undefined} streaming={true} />);
    expect(screen.queryByTestId("answer-interrupted")).not.toBeInTheDocument();
  });
});
