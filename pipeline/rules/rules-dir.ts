// Where the rule pack lives: static.rulesDir, absolute or relative to the scrum install (like prompt.dir).
import { isAbsolute, resolve } from "node:path";
import type { Config } from "../core/config";
import { INSTALL_ROOT } from "../cli/load-config";

export function rulesDirFor(config: Config, override?: string, cwd = process.cwd()): string {
  if (override) return resolve(cwd, override);
  const dir = config.static.rulesDir;
  return isAbsolute(dir) ? dir : resolve(INSTALL_ROOT, dir);
}
