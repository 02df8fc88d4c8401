// `scrum rules` lists the static floor's rules; `scrum rules test` runs every rule's examples.
import { UsageError } from "../../core/errors";
import { loadFloor } from "../../rules/floor";
import { rulesDirFor } from "../../rules/rules-dir";
import { testRules } from "../../rules/test-rules";
import { loadMutations } from "../../eval/load-mutations";
import { testMutations } from "../../eval/test-mutations";
import { isAbsolute, resolve } from "node:path";
import { INSTALL_ROOT } from "../load-config";
import { COMMON_FLAGS, type Command } from "../command";
import { loadConfig } from "../load-config";

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ")).join("\n") + "\n";
}

export const command: Command = {
  name: "rules",
  summary: "list the static rules; `rules test` runs their examples",
  usage: "scrum rules [test] [--rules DIR] [--json]",
  flags: {
    rules: { type: "string", arg: "DIR", description: "rule directory (default: static.rulesDir from the config)" },
    config: COMMON_FLAGS.config,
    json: COMMON_FLAGS.json,
    help: COMMON_FLAGS.help,
  },
  details: "`scrum rules test` exits 1 when any rule fires on a valid example or stays silent on an invalid one.\nRule format: docs/RULES.md.",
  async run({ values, positionals, io }) {
    const [sub, ...extra] = positionals;
    if (extra.length || (sub && sub !== "test")) throw new UsageError(`rules: unexpected argument '${sub && sub !== "test" ? sub : extra[0]}'`, "usage: scrum rules [test]");
    const { config } = loadConfig({ explicit: values.config as string | undefined, cwd: io.cwd });
    const floor = loadFloor(rulesDirFor(config, values.rules as string | undefined, io.cwd));
    if (sub === "test") {
      const results = testRules(floor.rules);
      const failed = results.filter((r) => !r.ok);
      // Mutation operators (scrum eval --mutate) are tested the same way: each example plants exactly its `after`.
      const dir = config.mutate.dir;
      const mutations = testMutations(loadMutations(isAbsolute(dir) ? dir : resolve(INSTALL_ROOT, dir)));
      const mutFailed = mutations.filter((r) => !r.ok);
      if (values.json) io.out(JSON.stringify({ ok: failed.length === 0 && mutFailed.length === 0, rules: results, mutations }, null, 2) + "\n");
      else {
        for (const r of results) {
          io.out(`${r.ok ? "ok  " : "FAIL"} ${r.id} (${r.invalid} invalid, ${r.valid} valid)\n`);
          for (const f of r.failures) io.out(`       ${f}\n`);
        }
        for (const r of mutations) {
          io.out(`${r.ok ? "ok  " : "FAIL"} ${r.id} (mutation: ${r.examples} example(s), ${r.no_site} no-site)\n`);
          for (const f of r.failures) io.out(`       ${f}\n`);
        }
        io.out(`${results.length - failed.length}/${results.length} rules pass their examples\n`);
        io.out(`${mutations.length - mutFailed.length}/${mutations.length} mutation operators plant their examples\n`);
      }
      return failed.length || mutFailed.length ? 1 : 0;
    }
    const rows = floor.rules.map((r) => ({ id: r.id, language: r.language, class: r.class, severity: r.severity, message: r.message }));
    if (values.json) io.out(JSON.stringify(floor.rules.map((r) => ({ ...rows.find((x) => x.id === r.id), note: r.note })), null, 2) + "\n");
    else io.out(table([["ID", "LANGUAGE", "CLASS", "SEVERITY", "MESSAGE"], ...rows.map((r) => [r.id, r.language, r.class, r.severity, r.message])]));
    return 0;
  },
};
