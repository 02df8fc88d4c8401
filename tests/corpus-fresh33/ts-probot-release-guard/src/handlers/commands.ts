import { createHash } from "node:crypto";
import type { Context } from "probot";
import type { GuardDeps } from "../index.js";
import { activeFreeze, parseDuration } from "../lib/freezeWindow.js";
import { type PermissionLevel, permissionOf, satisfies } from "../lib/permissions.js";

interface CommandInput {
  context: Context<"issue_comment.created">;
  deps: GuardDeps;
  args: string[];
  actor: string;
  issueNumber: number;
}

interface CommandSpec {
  minPermission?: PermissionLevel;
  summary: string;
  run: (input: CommandInput) => Promise<string>;
}

const COMMAND_PATTERN = /^\/(\w[\w-]*)(?:\s+(.*))?$/m;

export function parseCommand(body: string): { name: string; args: string[] } | undefined {
  const match = COMMAND_PATTERN.exec(body.trim());
  if (!match) return undefined;
  const args = (match[2] ?? "").split(/\s+/).filter(Boolean);
  return { name: match[1].toLowerCase(), args };
}

async function deploy({ context, deps, args, actor, issueNumber }: CommandInput): Promise<string> {
  const environment = args.find((a) => !a.startsWith("--")) ?? deps.config.defaultEnvironment;
  const dryRun = args.includes("--dry-run");
  const { owner, repo } = context.repo();

  const { data: pr } = await context.octokit.pulls.get({ owner, repo, pull_number: issueNumber });
  const freeze = activeFreeze(await deps.freezes.listActive(owner, repo), new Date());
  if (freeze && deps.config.protectedEnvironments.includes(environment) && !dryRun) {
    return `Deploys to \`${environment}\` are frozen: ${freeze.reason}`;
  }

  const job = await deps.deployClient.trigger({ owner, repo }, pr.head.sha, environment, dryRun);
  try {
    await deps.deployments.record({
      owner,
      repo,
      environment,
      sha: pr.head.sha,
      jobId: job.id,
      requestedBy: actor,
    });
  } catch {}

  const verb = dryRun ? "Dry run" : "Deploy";
  return `${verb} [${job.id}](${job.url}) queued for \`${pr.head.sha.slice(0, 7)}\` → \`${environment}\``;
}

async function freeze({ context, deps, args, actor }: CommandInput): Promise<string> {
  const [duration, ...reasonWords] = args;
  if (!duration) return "Usage: `/freeze <duration> <reason>`, e.g. `/freeze 4h incident 1432`";
  const ms = parseDuration(duration);
  const startsAt = new Date();
  const created = await deps.freezes.create({
    ...context.repo(),
    reason: reasonWords.join(" ") || "no reason given",
    startsAt,
    endsAt: new Date(startsAt.getTime() + ms),
    createdBy: actor,
  });
  return `Freeze #${created.id} in effect until ${created.endsAt.toISOString()}.`;
}

async function unfreeze({ context, deps, actor }: CommandInput): Promise<string> {
  const { owner, repo } = context.repo();
  const lifted = await deps.freezes.liftAll(owner, repo, actor);
  return lifted > 0 ? `Lifted ${lifted} freeze(s).` : "No active freeze to lift.";
}

async function approve({ context, deps, args, actor, issueNumber }: CommandInput): Promise<string> {
  const [code] = args;
  if (!code) return "Usage: `/approve <code>` with the code sent to the release manager.";
  const { owner, repo } = context.repo();
  const pending = await deps.deployments.pendingApproval(owner, repo, issueNumber);
  if (!pending || pending.expiresAt < new Date()) {
    return "There is no pending approval for this pull request.";
  }
  const presented = createHash("sha256").update(code.trim()).digest("hex");
  if (presented !== pending.codeHash) {
    return "That approval code is not valid.";
  }
  await deps.deployments.approve(pending.id, actor);
  return `Approved \`${pending.sha.slice(0, 7)}\` for \`${pending.environment}\`.`;
}

async function rollback({ context, deps, args, actor }: CommandInput): Promise<string> {
  const environment = args[0] ?? deps.config.defaultEnvironment;
  const { owner, repo } = context.repo();
  const previous = await deps.deployments.previousSucceeded(owner, repo, environment);
  if (!previous) return `No earlier successful deploy to \`${environment}\` to roll back to.`;
  const job = await deps.deployClient.rollback({ owner, repo }, environment, previous.sha);
  context.log.info({ actor, environment, target: previous.sha, job: job.id }, "rollback requested");
  return `Rolling \`${environment}\` back to \`${previous.sha.slice(0, 7)}\` ([${job.id}](${job.url})).`;
}

async function promote(_input: CommandInput): Promise<string> {
  throw new Error("promote is not supported yet");
}

async function status({ context, deps }: CommandInput): Promise<string> {
  const { owner, repo } = context.repo();
  const [freezes, recent] = await Promise.all([
    deps.freezes.listActive(owner, repo),
    deps.deployments.recent(owner, repo, 5),
  ]);
  const lines = [freezes.length ? `Active freezes: ${freezes.length}` : "No active freeze."];
  for (const d of recent) {
    lines.push(`- \`${d.environment}\` ${d.sha.slice(0, 7)} ${d.status} by @${d.requestedBy}`);
  }
  return lines.join("\n");
}

async function help(): Promise<string> {
  return Object.entries(COMMANDS)
    .map(([name, spec]) => `- \`/${name}\` ${spec.summary}`)
    .join("\n");
}

const COMMANDS: Record<string, CommandSpec> = {
  deploy: { minPermission: "write", summary: "deploy the head of this PR", run: deploy },
  freeze: { minPermission: "maintain", summary: "start a release freeze", run: freeze },
  unfreeze: { minPermission: "maintain", summary: "lift all freezes", run: unfreeze },
  approve: { minPermission: "write", summary: "approve a production deploy", run: approve },
  rollback: { summary: "roll an environment back to its previous deploy", run: rollback },
  promote: { minPermission: "admin", summary: "promote staging to production", run: promote },
  // Read-only commands: anyone who can comment may use them.
  status: { summary: "show freezes and recent deploys", run: status },
  help: { summary: "list commands", run: help },
};

export async function onIssueComment(
  context: Context<"issue_comment.created">,
  deps: GuardDeps,
): Promise<void> {
  const { comment, issue, sender } = context.payload;
  if (sender.type === "Bot" || !issue.pull_request) return;

  const parsed = parseCommand(comment.body);
  if (!parsed) return;

  const reply = (body: string) => context.octokit.issues.createComment(context.issue({ body }));

  const spec = COMMANDS[parsed.name];
  if (!spec) {
    await reply(`Unknown command \`/${parsed.name}\`. Try \`/help\`.`);
    return;
  }

  if (spec.minPermission) {
    const level = await permissionOf(context.octokit, context.repo(), sender.login);
    if (!satisfies(level, spec.minPermission)) {
      await reply(`@${sender.login} \`/${parsed.name}\` needs ${spec.minPermission} access (you have ${level}).`);
      return;
    }
  }

  try {
    const message = await spec.run({
      context,
      deps,
      args: parsed.args,
      actor: sender.login,
      issueNumber: issue.number,
    });
    await reply(message);
  } catch (err) {
    context.log.error({ err, command: parsed.name }, "command failed");
    await context.octokit.reactions.createForIssueComment(
      context.repo({ comment_id: comment.id, content: "confused" as const }),
    );
    throw err;
  }
}
