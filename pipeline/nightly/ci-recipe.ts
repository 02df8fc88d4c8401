// CI recipes: which template each engine gets, where it is written, and the rendering of its
// `{{scrum.name}}` placeholders. The recipes themselves are data under templates/ci/.
import { UsageError } from "../core/errors";

export const ENGINES = ["github", "gitlab", "k8s"] as const;
export type Engine = (typeof ENGINES)[number];

/** Template (under templates/ci/) and the path it is written to in the repository. */
export const RECIPES: Record<Engine, { template: string; target: string }> = {
  github: { template: "github/scrum-nightly.yml", target: ".github/workflows/scrum-nightly.yml" },
  gitlab: { template: "gitlab/gitlab-ci.yml", target: ".gitlab-ci.yml" },
  k8s: { template: "k8s/scrum-nightly.yaml", target: "k8s/scrum-nightly.yaml" },
};

/** GitLab's `parallel:` allows 200 jobs; GitHub's matrix 256. */
export const MAX_SHARDS = 200;

export interface RecipeVars {
  shards: number;
  ladder: string;
  branch: string;
}

/** The placeholder values a template may use. */
export function recipeValues(v: RecipeVars): Record<string, string> {
  return {
    shards: String(v.shards),
    shard_list: Array.from({ length: v.shards }, (_, i) => i + 1).join(", "),
    ladder: v.ladder,
    branch: v.branch,
    // A failing pod is retried once per shard before the Job gives up.
    backoff: String(v.shards),
  };
}

/** Replace every `{{scrum.name}}`; a name the values lack is a bug in the template, not the user's. */
export function renderTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{scrum\.([a-z_]+)\}\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`template placeholder {{scrum.${name}}} has no value`);
    return v;
  });
}

export function parseShardCount(v: string | undefined): number {
  if (v === undefined) return 3;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > MAX_SHARDS) throw new UsageError(`--shards must be a whole number from 1 to ${MAX_SHARDS}, got '${v}'`);
  return n;
}
