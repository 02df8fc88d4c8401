// `scrum init ci github|gitlab|k8s`: write a ready nightly pipeline for a CI engine from templates/ci/,
// never overwriting a file without --force.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { InputError, UsageError } from "../../core/errors";
import { ENGINES, parseShardCount, RECIPES, recipeValues, renderTemplate, type Engine } from "../../nightly/ci-recipe";
import { COMMON_FLAGS, type Command } from "../command";
import { INSTALL_ROOT, loadConfig } from "../load-config";

const NEXT: Record<Engine, string> = {
  github: "commit it; add the OLLAMA_API_KEY (or OPENAI_API_KEY) secret; run it once from the Actions tab (workflow_dispatch)",
  gitlab: "commit it; add SCRUM_KB_TOKEN (write_repository) and OLLAMA_API_KEY as masked CI/CD variables; create a pipeline schedule",
  k8s: "create the scrum-nightly Secret (see the file's header), then kubectl apply -f it",
};

export const command: Command = {
  name: "init",
  summary: "write a nightly CI pipeline: `init ci github|gitlab|k8s`",
  usage: "scrum init ci github|gitlab|k8s [--shards N] [--ladder NAME] [--force] [--out FILE] [--repo DIR]",
  flags: {
    shards: { type: "string", arg: "N", description: "shard jobs per night", default: "3" },
    ladder: { type: "string", arg: "NAME", description: "ladder the nightly sweep runs (default: the config's, offline when no model is reachable)" },
    branch: { type: "string", arg: "NAME", description: "KB branch", default: "scrum-kb" },
    force: { type: "boolean", description: "overwrite an existing file" },
    out: { type: "string", arg: "FILE", description: "write here instead of the engine's usual path" },
    repo: { type: "string", arg: "DIR", description: "repository to write into (default: the working directory)" },
    config: COMMON_FLAGS.config,
    json: COMMON_FLAGS.json,
    help: COMMON_FLAGS.help,
  },
  details: `Writes .github/workflows/scrum-nightly.yml, .gitlab-ci.yml or k8s/scrum-nightly.yaml.
Each shard pulls the KB branch, sweeps its shard and hands its KB on; one step merges, pushes the KB,
reports and runs \`scrum gate --new-only\`. docs/NIGHTLY.md walks through each engine.`,
  async run({ values, positionals, io }) {
    const [what, engine, ...rest] = positionals;
    if (what !== "ci") throw new UsageError(what ? `init: unknown target '${what}'` : "init needs a target", "usage: scrum init ci github|gitlab|k8s");
    if (!engine || !ENGINES.includes(engine as Engine)) throw new UsageError(engine ? `init ci: unknown engine '${engine}'` : "init ci needs an engine", `one of ${ENGINES.join(", ")}`);
    if (rest.length) throw new UsageError(`init ci: unexpected argument '${rest[0]}'`);
    const shards = parseShardCount(values.shards as string | undefined);
    const ladder = (values.ladder as string | undefined) ?? "";
    const repo = resolve(io.cwd, (values.repo as string | undefined) ?? ".");
    if (!existsSync(repo) || !statSync(repo).isDirectory()) throw new InputError(`repository directory not found: ${values.repo}`);
    if (ladder) {
      const { config } = loadConfig({ explicit: values.config as string | undefined, cwd: io.cwd, repo });
      if (!config.ladders[ladder]) throw new UsageError(`unknown ladder '${ladder}'`, `configured ladders: ${Object.keys(config.ladders).join(", ")}`);
    }
    const branch = String(values.branch);
    if (!/^[A-Za-z0-9._/-]+$/.test(branch) || branch.startsWith("-")) throw new UsageError(`--branch: not a branch name: '${branch}'`);
    const recipe = RECIPES[engine as Engine];
    const target = values.out ? resolve(io.cwd, values.out as string) : join(repo, recipe.target);
    if (existsSync(target) && !values.force) throw new InputError(`${relative(io.cwd, target) || target} already exists`, "pass --force to overwrite it, or --out FILE to write elsewhere");
    const text = renderTemplate(readFileSync(join(INSTALL_ROOT, "templates", "ci", recipe.template), "utf8"), recipeValues({ shards, ladder, branch }));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    const shown = relative(io.cwd, target) || target;
    io.out(values.json ? JSON.stringify({ engine, path: target, shards, ladder: ladder || null, branch }) + "\n" : `wrote ${shown} (${shards} shard${shards > 1 ? "s" : ""}); next: ${NEXT[engine as Engine]}\n`);
    return 0;
  },
};
