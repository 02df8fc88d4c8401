// Load one of the observer's prompts (policy as data, in prompts/observer/): a markdown body after front matter.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { INSTALL_ROOT } from "../cli/load-config";

/** Where the observer's prompts live: next to the sweep's, under the install root. */
export const OBSERVER_PROMPTS = join(INSTALL_ROOT, "prompts", "observer");

/** The prompt body, with `name@version` from the front matter for the record. */
export function loadPrompt(name: string, dir = OBSERVER_PROMPTS): { id: string; text: string } {
  const raw = readFileSync(join(dir, `${name}.md`), "utf8");
  const m = raw.match(/^---\n([\s\S]*?)\n---\n/);
  const meta = Object.fromEntries((m?.[1] ?? "").split("\n").map((l) => l.split(/:\s*/, 2) as [string, string]));
  return { id: `${meta.name ?? name}@${meta.version ?? "0"}`, text: (m ? raw.slice(m[0].length) : raw).trim() };
}
