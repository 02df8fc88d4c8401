// Load prompts/audit.md (front matter name + version, like every prompt) and hash it for the KB rows.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../core/errors";
import { parsePromptFile } from "../prompt/load-prompts";
import type { AuditPrompt } from "./judge";

export function loadAuditPrompt(dir: string): AuditPrompt {
  const path = join(dir, "audit.md");
  if (!existsSync(path)) throw new ConfigError(`prompt file not found: ${path}`);
  const p = parsePromptFile(readFileSync(path, "utf8"), path);
  const sha256 = createHash("sha256").update(`${p.name}@${p.version}\n${p.body}\n\0`).digest("hex");
  return { ...p, sha256 };
}
