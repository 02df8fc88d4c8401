// SARIF reportingDescriptors: a stable id (the rule file's name), a distinct human name in PascalCase
// (SARIF1001, SARIF2012), descriptions and help from the rule file, and a helpUri into docs/RULES.md.
import type { RuleSpec } from "../rules/rule-spec";

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: "error" | "warning" | "note" };
  properties: Record<string, unknown>;
}

export const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

const LANGUAGE_PREFIX: Record<string, string> = {
  ts: "TypeScript", py: "Python", rs: "Rust", go: "Go", md: "Markdown", txt: "Text", src: "Source",
};

/** "fix-wave" → "FixWave"; each word an upper-case letter and then lower-case letters or digits. */
export function pascal(words: string): string {
  return words.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join("");
}

/** "ts-empty-catch" → "TypeScriptEmptyCatch"; "scrum/critical-failure" → "ModelCriticalFailure". */
export function humanName(id: string): string {
  if (id.startsWith("scrum/")) return `Model${pascal(id.slice("scrum/".length))}`;
  const [prefix, ...rest] = id.split("-");
  const lang = LANGUAGE_PREFIX[prefix!];
  return lang ? lang + pascal(rest.join("-")) : `Rule${pascal(id)}`;
}

/** Where docs/RULES.md explains a class: the prompt-injection section, the class table, or the model findings. */
export function helpAnchor(cls: string | null, fromModel: boolean): string {
  if (fromModel) return "sarif-rules-and-help";
  return cls === "prompt-injection" ? "prompt-injection" : "classes";
}

const sentence = (s: string) => {
  const t = s.trim().replace(/\s+/g, " ");
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

export interface DescriptorInput {
  id: string;
  cls: string | null;
  /** The rule file, when the finding came from the floor. */
  spec?: RuleSpec;
  /** The finding's own message (floor) when no rule file is at hand. */
  message?: string;
  docsUri: string;
}

export function descriptor(d: DescriptorInput): SarifRule {
  const fromModel = d.id.startsWith("scrum/");
  const short = d.spec?.message ?? d.message ?? (d.cls ? `Forensic model review found ${d.cls}` : "Critical failure found by a forensic model review");
  const full = d.spec?.note ?? (fromModel
    ? "A model on the review ladder reported this as a critical failure, citing a line and quoting the code; scrum checked the quote against the file (unverified findings are notes)."
    : short);
  const level = d.spec ? LEVEL[d.spec.severity] : "error";
  const helpUri = `${d.docsUri}#${helpAnchor(d.cls, fromModel)}`;
  return {
    id: d.id,
    name: humanName(d.id),
    shortDescription: { text: sentence(short) },
    fullDescription: { text: sentence(full) },
    help: { text: `${sentence(full)} See ${helpUri}`, markdown: `${sentence(full)}\n\n[docs/RULES.md](${helpUri})` },
    helpUri,
    defaultConfiguration: { level },
    properties: {
      ...(d.cls ? { class: d.cls } : {}),
      ...(d.spec ? { language: d.spec.language } : {}),
      tags: ["scrum", ...(d.cls ? [d.cls] : []), ...(d.cls === "prompt-injection" || d.cls === "hardcoded-secret" || d.cls === "tls-disabled" || d.cls === "insecure-compare" || d.cls === "unwired-auth" ? ["security"] : [])],
      precision: d.spec ? "high" : "medium",
    },
  };
}
