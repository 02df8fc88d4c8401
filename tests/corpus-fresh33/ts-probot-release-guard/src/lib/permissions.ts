import type { ProbotOctokit } from "probot";

export type PermissionLevel = "none" | "read" | "triage" | "write" | "maintain" | "admin";

const RANK: Record<PermissionLevel, number> = {
  none: 0,
  read: 1,
  triage: 2,
  write: 3,
  maintain: 4,
  admin: 5,
};

type Octokit = InstanceType<typeof ProbotOctokit>;

export async function permissionOf(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  username: string,
): Promise<PermissionLevel> {
  const { data } = await octokit.repos.getCollaboratorPermissionLevel({ ...repo, username });
  // role_name distinguishes maintain/triage; permission only reports the legacy levels.
  const level = (data.role_name ?? data.permission) as PermissionLevel;
  return level in RANK ? level : "none";
}

export function satisfies(actual: PermissionLevel, required: PermissionLevel): boolean {
  return RANK[actual] >= RANK[required];
}
