// A small multi-language repository with sites for several mutation classes (none for unwired-auth or
// hardcoded-path), and a hash of a tree's bytes to prove the eval never writes the user's repository.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./sweep-harness";
import { gitRepo } from "./tmp-repo";

export const FIXTURE: Record<string, string> = {
  "src/billing.ts": `export async function charge(order: Order) {\n  try {\n    await gateway.charge(order);\n  } catch (err) {\n    logger.error({ err }, "charge failed");\n    throw err;\n  }\n}\n`,
  "src/ledger.ts": `export function balance(rows: Row[], account: string): number {\n  const mine = rows.filter((r) => r.account === account);\n  const total = mine.reduce((s, r) => s + r.amount, 0);\n  return total;\n}\n`,
  "app/settings.py": `import os\n\nDEBUG = False\nSTRIPE_API_KEY = os.environ["STRIPE_API_KEY"]\n`,
  "pkg/client/client.go": `package client\n\nimport "crypto/tls"\n\nfunc Config() *tls.Config {\n\treturn &tls.Config{MinVersion: tls.VersionTLS12}\n}\n`,
  "src/lib.rs": `pub fn save(tx: Tx) -> Result<()> {\n    tx.commit()?;\n    Ok(())\n}\n`,
  "README.md": "# fixture\n",
};

export const fixtureRepo = () => gitRepo(FIXTURE);

/** sha256 over every file's path and bytes under root (including .git), sorted. */
export function treeHash(root: string): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(relative(root, p)).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  walk(root);
  return h.digest("hex");
}

/** Run the CLI as a user would (a child process), from the scrum root. */
export async function scrumCli(args: string[], cwd = ROOT): Promise<{ out: string; err: string; code: number }> {
  const p = Bun.spawn([process.execPath, join(ROOT, "pipeline/cli/main.ts"), ...args], { cwd, stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  return { out, err, code };
}
