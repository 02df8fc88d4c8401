import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { DeployServiceClient } from "./clients/deployService.js";
import { type GuardConfig, loadConfig } from "./config.js";
import { DeploymentStore } from "./db/deployments.js";
import { FreezeStore } from "./db/freezes.js";
import { createPool } from "./db/pool.js";
import { onCheckSuite } from "./handlers/checkSuite.js";
import { onIssueComment } from "./handlers/commands.js";
import { onPullRequestOpened } from "./handlers/pullRequest.js";
import { mountRoutes } from "./routes/index.js";

export interface GuardDeps {
  config: GuardConfig;
  freezes: FreezeStore;
  deployments: DeploymentStore;
  deployClient: DeployServiceClient;
  ping: () => Promise<void>;
}

export function buildApp(deps: GuardDeps): ApplicationFunction {
  return (app: Probot, { getRouter }: ApplicationFunctionOptions) => {
    app.on("pull_request.opened", (context) => onPullRequestOpened(context, deps));

    app.on(["check_suite.requested", "check_suite.rerequested"], (context) =>
      onCheckSuite(context, deps),
    );

    app.on("issue_comment.created", (context) => onIssueComment(context, deps));

    app.on("pull_request.closed", async (context) => {
      const pr = context.payload.pull_request;
      if (!pr.merged) {
        context.log.debug({ pr: pr.number }, "closed without merge; nothing to release");
        return;
      }
      const { owner, repo } = context.repo();
      await deps.deployments.markMerged(owner, repo, pr.number, pr.merge_commit_sha ?? pr.head.sha);
    });

    if (getRouter) {
      mountRoutes(getRouter("/release-guard"), deps, app.log);
    }
  };
}

export default (app: Probot, options: ApplicationFunctionOptions) => {
  const config = loadConfig();
  const pool = createPool(config);
  const deps: GuardDeps = {
    config,
    freezes: new FreezeStore(pool),
    deployments: new DeploymentStore(pool),
    deployClient: new DeployServiceClient(config.deployServiceUrl, config.deployServiceToken, app.log),
    ping: async () => {
      await pool.query("SELECT 1");
    },
  };
  return buildApp(deps)(app, options);
};
