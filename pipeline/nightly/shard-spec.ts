// `--shard K/N|auto`, `--shards N` and `--night ID|auto` → the shard and night a sweep writes, from flags and
// the environment a CI engine sets (GitLab `parallel:`, Kubernetes Indexed Jobs, GitHub Actions).
import { UsageError } from "../core/errors";
import type { ShardRef } from "../kb/schemas/night";

type Env = Record<string, string | undefined>;

const KN = /^(\d+)\/(\d+)$/;

function parseKN(text: string, source: string): ShardRef {
  const m = KN.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count) throw new UsageError(`${source} must be K/N with 1 ≤ K ≤ N, got '${text}'`, "e.g. --shard 2/3");
  return { index, count };
}

function wholeNumber(v: string, source: string, min: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < min) throw new UsageError(`${source} must be a whole number ≥ ${min}, got '${v}'`);
  return n;
}

/**
 * The shard to sweep, or null for the whole repository. `auto` reads, in order: SCRUM_SHARD (K/N),
 * GitLab's CI_NODE_INDEX/CI_NODE_TOTAL (1-based), Kubernetes' JOB_COMPLETION_INDEX (0-based, with --shards N).
 */
export function resolveShard(spec: string | undefined, shards: string | undefined, env: Env): ShardRef | null {
  const total = shards === undefined ? undefined : wholeNumber(shards, "--shards", 1);
  if (spec === undefined) {
    if (total !== undefined) throw new UsageError("--shards needs --shard auto (or --shard K/N)");
    return null;
  }
  let shard: ShardRef;
  if (spec !== "auto") shard = parseKN(spec, "--shard");
  else if (env.SCRUM_SHARD) shard = parseKN(env.SCRUM_SHARD, "SCRUM_SHARD");
  else if (env.CI_NODE_INDEX || env.CI_NODE_TOTAL) {
    if (!env.CI_NODE_INDEX || !env.CI_NODE_TOTAL) throw new UsageError("--shard auto: CI_NODE_INDEX and CI_NODE_TOTAL must both be set (GitLab `parallel:`)");
    shard = parseKN(`${env.CI_NODE_INDEX}/${env.CI_NODE_TOTAL}`, "CI_NODE_INDEX/CI_NODE_TOTAL");
  } else if (env.JOB_COMPLETION_INDEX !== undefined && env.JOB_COMPLETION_INDEX !== "") {
    if (total === undefined) throw new UsageError("--shard auto with JOB_COMPLETION_INDEX needs --shards N (the Job's completions)");
    const i = wholeNumber(env.JOB_COMPLETION_INDEX, "JOB_COMPLETION_INDEX", 0);
    shard = parseKN(`${i + 1}/${total}`, "JOB_COMPLETION_INDEX + 1 / --shards");
  } else {
    throw new UsageError("--shard auto: no shard in the environment", "set SCRUM_SHARD=K/N, or run under GitLab `parallel:` or a Kubernetes Indexed Job with --shards N");
  }
  if (total !== undefined && total !== shard.count) throw new UsageError(`--shards ${total} disagrees with the shard count ${shard.count} from ${spec === "auto" ? "the environment" : "--shard"}`);
  return shard;
}

const NIGHT = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/** The night id a CI engine gives every job of one run: ours first, then GitHub's run id, then GitLab's pipeline id. */
export function nightFromEnv(env: Env): string | null {
  const v = env.SCRUM_NIGHT || env.GITHUB_RUN_ID || env.CI_PIPELINE_ID;
  return v ? checkNight(v, env.SCRUM_NIGHT ? "SCRUM_NIGHT" : env.GITHUB_RUN_ID ? "GITHUB_RUN_ID" : "CI_PIPELINE_ID") : null;
}

function checkNight(v: string, source: string): string {
  if (!NIGHT.test(v)) throw new UsageError(`${source} must be letters, digits and . _ : - (up to 200), got '${v}'`);
  return v;
}

/**
 * `--night ID` as given; `--night auto` from the environment (an error when nothing is set); no flag:
 * SCRUM_NIGHT, or for a sharded sweep the CI run's id, else null (a sweep outside any named night).
 */
export function resolveNight(flag: string | undefined, sharded: boolean, env: Env): string | null {
  if (flag === "auto") {
    const n = nightFromEnv(env);
    if (!n) throw new UsageError("--night auto: no night id in the environment", "set SCRUM_NIGHT, or run under GitHub Actions (GITHUB_RUN_ID) or GitLab CI (CI_PIPELINE_ID)");
    return n;
  }
  if (flag !== undefined) return checkNight(flag, "--night");
  if (env.SCRUM_NIGHT) return checkNight(env.SCRUM_NIGHT, "SCRUM_NIGHT");
  return sharded ? nightFromEnv(env) : null;
}
