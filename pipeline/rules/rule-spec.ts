// The rule file schema: one YAML file per rule, id equal to the file name (ast-grep rule-pack style).
import { z } from "zod";
import { FindingClass, Severity } from "../kb/schemas/static-finding";
import { CHECK_NAMES, CHECKS } from "./checks/index";

const CHECKS_WITH_TEXT = new Set(Object.entries(CHECKS).filter(([, c]) => c.text).map(([n]) => n));

/** Checks of the text-level path (rules/text-level.ts): they read words and characters, not the syntax tree. */
export const TEXT_CHECKS = ["prompt-injection", "trojan-source", "invisible-character", "spec-security"] as const;

/** A language ast-grep parses (rules with a syntax-tree part). */
export const GrammarLanguage = z.enum(["typescript", "python", "rust", "go"]);
export type GrammarLanguage = z.infer<typeof GrammarLanguage>;

/** A grammar's language, or `markdown` / `text` for the text-level checks over files no grammar reads. */
export const RuleLanguage = z.enum([...GrammarLanguage.options, "markdown", "text"]);
export type RuleLanguage = z.infer<typeof RuleLanguage>;

/** An example is one source text, or several files (path → content) for cross-file rules. */
export const RuleExample = z.union([
  z.string().min(1),
  z.object({ files: z.record(z.string().min(1), z.string()) }).strict(),
]);
export type RuleExample = z.infer<typeof RuleExample>;

/** A named TypeScript check that refines what the ast-grep rule matched (see pipeline/rules/checks/). */
export const CheckSpec = z
  .object({ name: z.enum([...CHECK_NAMES, ...TEXT_CHECKS]) })
  .catchall(z.unknown());
export type CheckSpec = z.infer<typeof CheckSpec>;

export const RuleSpec = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "kebab-case id"),
    language: RuleLanguage,
    class: FindingClass,
    severity: Severity,
    message: z.string().min(1),
    note: z.string().min(1).describe("why this is a defect and how to fix it"),
    rule: z.record(z.string(), z.unknown()).optional().describe("ast-grep rule object"),
    constraints: z.record(z.string(), z.unknown()).optional(),
    utils: z.record(z.string(), z.unknown()).optional(),
    report: z.string().regex(/^\$[A-Z_][A-Z0-9_]*$/).optional().describe("meta-variable whose node is the finding's region"),
    files: z.array(z.string().min(1)).optional().describe("only paths matching one of these globs"),
    ignores: z.array(z.string().min(1)).optional().describe("skip paths matching one of these globs"),
    places: z.array(z.enum(["shipped", "test", "example", "bench"])).min(1).optional()
      .describe("only findings in code of these places (pipeline/rules/place.ts); default: every place"),
    prefilter: z.string().min(1).optional().describe("JS regex (case-insensitive): files whose text has no match skip this rule"),
    check: CheckSpec.optional(),
    evidence: z.enum(["gated", "shape", "lead"]).optional()
      .describe("swallowed-error: `shape` when the match itself shows a write (an unchecked file write, a written writer's Close), so it is always a claim; `lead` when the shape is a judgement (an error logged, then carried on) the models verify, so in shipped code it is always a lead; default gated (pipeline/rules/checks/claim-evidence.ts)"),
    answers_error: z.enum(["declared"]).optional()
      .describe("Go swallowed-error: `declared` when a claim needs evidence that the dropped call answers an error (a walked declaration, a call site that uses its result, a standard-library value); without it the finding is a lead (pipeline/rules/checks/unproven-drop.ts)"),
    example_path: z.string().min(1).optional().describe("file name given to bare-text examples (must pass files/ignores)"),
    valid: z.array(RuleExample).min(1, "every rule proves it stays silent: give at least one valid example"),
    invalid: z.array(RuleExample).min(1, "every rule proves it fires: give at least one invalid example"),
  })
  .strict()
  .superRefine((r, ctx) => {
    const textLevel = (TEXT_CHECKS as readonly string[]).includes(r.check?.name ?? "");
    const grammar = r.language !== "markdown" && r.language !== "text";
    if (!grammar && !textLevel) ctx.addIssue({ code: "custom", path: ["check"], message: `a ${r.language} rule needs a text-level check (prompt-injection, trojan-source, invisible-character, spec-security)` });
    else if (!grammar && r.rule) ctx.addIssue({ code: "custom", path: ["rule"], message: `a ${r.language} rule has no grammar: drop the ast-grep rule` });
    else if (grammar && !r.rule && !CHECKS_WITH_TEXT.has(r.check?.name ?? "")) ctx.addIssue({ code: "custom", path: ["rule"], message: "needs an ast-grep rule" });
  });
export type RuleSpec = z.infer<typeof RuleSpec>;
