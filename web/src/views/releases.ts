import { lazy } from "react";
import { z } from "zod";
import type { AnyViewDefinition } from "./registry";
import { bool, items, list, maybe, num, str } from "./parts/schema";

export const releaseSchema = z.looseObject({
  version: z.string(),
  shortVersion: str,
  projects: list(z.string()),
  dateCreated: str,
  dateReleased: str,
  firstEvent: str,
  lastEvent: str,
  newGroups: num,
  commitCount: num,
  deployCount: num,
  lastDeployEnvironment: str,
  url: str,
});
export type Release = z.output<typeof releaseSchema>;

export const releaseListSchema = z.looseObject({ releases: items(releaseSchema), hasMore: bool });
export type ReleaseList = z.output<typeof releaseListSchema>;

const healthSchema = z.looseObject({
  project: str,
  crashFreeSessions: num,
  crashFreeUsers: num,
  totalSessions: num,
  totalUsers: num,
  adoption: num,
  stage: str,
  previousRelease: str,
  nextRelease: str,
});

export const releaseDetailsSchema = z.looseObject({
  release: releaseSchema,
  deploys: list(z.looseObject({ id: str, environment: str, name: str, dateStarted: str, dateFinished: str })),
  commits: list(z.looseObject({ id: str, message: str, author: str, repository: str, dateCreated: str })),
  health: maybe(healthSchema),
});
export type ReleaseDetails = z.output<typeof releaseDetailsSchema>;

export const releaseViews: AnyViewDefinition[] = [
  {
    tools: ["find_releases"],
    schema: releaseListSchema,
    View: lazy(() => import("./releases-view").then((m) => ({ default: m.ReleaseListView }))),
    title: (d: ReleaseList) => `${d.releases.length}${d.hasMore ? "+" : ""} release${d.releases.length === 1 ? "" : "s"}`,
  },
  {
    tools: ["get_release_details"],
    schema: releaseDetailsSchema,
    View: lazy(() => import("./releases-view")),
    title: (d: ReleaseDetails) => `Release ${d.release.shortVersion ?? d.release.version}`,
  },
];
