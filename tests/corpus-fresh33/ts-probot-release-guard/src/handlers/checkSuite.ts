import type { Context } from "probot";
import type { GuardDeps } from "../index.js";
import { activeFreeze } from "../lib/freezeWindow.js";

export const CHECK_NAME = "release-guard";

export async function onCheckSuite(context: Context<"check_suite">, deps: GuardDeps): Promise<void> {
  const suite = context.payload.check_suite;
  const { owner, repo } = context.repo();
  const startedAt = new Date();

  const targetsDefault = suite.head_branch === context.payload.repository.default_branch;
  const freeze = targetsDefault
    ? activeFreeze(await deps.freezes.listActive(owner, repo), startedAt)
    : undefined;

  // A commit that was already approved for production passes even while frozen;
  // commit SHAs are public identifiers, so plain equality is what we want here.
  const approved = await deps.deployments.approvedSha(owner, repo, "production");
  const preApproved = approved !== undefined && approved === suite.head_sha;

  const blocked = freeze !== undefined && !preApproved;
  const summary = blocked
    ? `Release freeze until ${freeze!.endsAt.toISOString()}: ${freeze!.reason}`
    : preApproved
      ? "Commit was approved for production before the freeze."
      : "No release freeze in effect.";

  await context.octokit.checks.create(
    context.repo({
      name: CHECK_NAME,
      head_sha: suite.head_sha,
      status: "completed" as const,
      started_at: startedAt.toISOString(),
      completed_at: new Date().toISOString(),
      conclusion: blocked ? ("failure" as const) : ("success" as const),
      output: {
        title: blocked ? "Release freeze in effect" : "Clear to merge",
        summary,
      },
    }),
  );
}
