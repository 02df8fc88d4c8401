import type { Context } from "probot";
import type { GuardDeps } from "../index.js";
import { activeFreeze, describeFreeze } from "../lib/freezeWindow.js";

const FROZEN_LABEL = "release-frozen";

export async function onPullRequestOpened(
  context: Context<"pull_request.opened">,
  deps: GuardDeps,
): Promise<void> {
  const pr = context.payload.pull_request;
  const { owner, repo } = context.repo();

  if (pr.base.ref !== context.payload.repository.default_branch) {
    context.log.debug({ pr: pr.number, base: pr.base.ref }, "not targeting the default branch");
    return;
  }

  const freeze = activeFreeze(await deps.freezes.listActive(owner, repo), new Date());
  if (!freeze) {
    return;
  }

  await context.octokit.issues.addLabels(context.issue({ labels: [FROZEN_LABEL] }));
  await context.octokit.issues
    .createComment(context.issue({ body: describeFreeze(freeze) }))
    .catch(() => undefined);

  context.log.info({ pr: pr.number, freeze: freeze.id }, "pull request opened during freeze");
}
