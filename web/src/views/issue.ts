import { lazy } from "react";
import { z } from "zod";
import type { AnyViewDefinition } from "./registry";
import { bool, items, list, maybe, num, str } from "./parts/schema";
import { frameSchema } from "./stacktrace";

const statPointSchema = z.looseObject({ timestamp: z.number(), count: z.number() });

export const issueSchema = z
  .looseObject({
    id: str,
    shortId: str,
    title: str,
    culprit: str,
    project: str,
    status: str,
    substatus: str,
    level: str,
    priority: str,
    count: num,
    userCount: num,
    firstSeen: str,
    lastSeen: str,
    assignedTo: str,
    url: str,
    stats: list(statPointSchema),
  })
  .refine((i) => Boolean(i.shortId || i.id), "an issue needs an id");
export type Issue = z.output<typeof issueSchema>;

const exceptionSchema = z.looseObject({ type: str, value: str, mechanism: str, handled: bool, frames: list(frameSchema) });
export type IssueException = z.output<typeof exceptionSchema>;

const tagSummarySchema = z.looseObject({
  key: z.string(),
  name: str,
  totalValues: num,
  topValues: list(z.looseObject({ value: str, count: z.number() })),
});
export type TagSummary = z.output<typeof tagSummarySchema>;

export const issueDetailsSchema = z.looseObject({
  issue: issueSchema,
  event: maybe(
    z.looseObject({
      id: str,
      title: str,
      message: str,
      platform: str,
      dateCreated: str,
      release: str,
      traceId: str,
      exceptions: list(exceptionSchema),
      tags: list(z.looseObject({ key: z.string(), value: str })),
    }),
  ),
  seer: maybe(z.looseObject({ status: str, rootCause: str, solution: str, pullRequests: list(z.string()) })),
  tags: list(tagSummarySchema),
});
export type IssueDetails = z.output<typeof issueDetailsSchema>;

export const issueListSchema = z.looseObject({
  query: str,
  sort: str,
  period: str,
  issues: items(issueSchema),
  hasMore: bool,
});
export type IssueList = z.output<typeof issueListSchema>;

export const issueViews: AnyViewDefinition[] = [
  {
    tools: ["get_issue_details"],
    schema: issueDetailsSchema,
    View: lazy(() => import("./issue-view")),
    title: (d: IssueDetails) => `Issue ${d.issue.shortId ?? d.issue.id}`,
  },
  {
    tools: ["search_issues"],
    schema: issueListSchema,
    View: lazy(() => import("./issue-list-view")),
    title: (d: IssueList) => `${d.issues.length}${d.hasMore ? "+" : ""} issue${d.issues.length === 1 ? "" : "s"}${d.query ? ` for ${d.query}` : ""}`,
  },
];
