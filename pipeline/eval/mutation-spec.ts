// The mutation operator file schema: one YAML file per operator under prompts/mutations/<lang>/, id equal
// to the file name. An operator is an ast-grep rewrite (`rule` + `fix`) that plants one defect of a class.
import { z } from "zod";
import { FindingClass } from "../kb/schemas/static-finding";
import { RuleLanguage } from "../rules/rule-spec";

const MetaVar = z.string().regex(/^\$[A-Z_][A-Z0-9_]*$/, "a meta-variable like $NAME");
/** ast-grep's FixConfig: a template, and sibling tokens to take along (a list's comma). */
const Expand = z.object({ regex: z.string().min(1) }).strict();
export const FixSpec = z.union([
  z.string(),
  z.object({ template: z.string(), expandStart: Expand.optional(), expandEnd: Expand.optional() }).strict(),
]);
export type FixSpec = z.infer<typeof FixSpec>;

/** ast-grep transforms: `replace` (regex over a captured text) and `rewrite` (apply rewriters inside a capture). */
export const TransformSpec = z.union([
  z.object({ replace: z.object({ source: MetaVar, replace: z.string(), by: z.string() }).strict() }).strict(),
  z.object({ rewrite: z.object({ source: MetaVar, rewriters: z.array(z.string().min(1)).min(1) }).strict() }).strict(),
]);
export type TransformSpec = z.infer<typeof TransformSpec>;

export const RewriterSpec = z.object({ id: z.string().min(1), rule: z.record(z.string(), z.unknown()), fix: FixSpec }).strict();
export type RewriterSpec = z.infer<typeof RewriterSpec>;

/** A small TypeScript check refining each match (pipeline/eval/site-checks.ts). */
export const SiteCheck = z.union([
  z.object({ name: z.literal("sole-reference"), capture: MetaVar, scope: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ name: z.literal("min-lines"), capture: MetaVar, lines: z.number().int().min(1) }).strict(),
]);
export type SiteCheck = z.infer<typeof SiteCheck>;

export const MutationExample = z.object({
  before: z.string().min(1),
  after: z.string(),
  path: z.string().min(1).optional(),
}).strict();
export type MutationExample = z.infer<typeof MutationExample>;

export const MutationSpec = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "kebab-case id"),
    language: RuleLanguage,
    class: FindingClass,
    message: z.string().min(1).describe("what the planted defect is, in one line"),
    note: z.string().min(1).describe("why real code contains this defect, and which sites are deliberately left alone"),
    rule: z.record(z.string(), z.unknown()).describe("ast-grep rule: the site"),
    constraints: z.record(z.string(), z.unknown()).optional(),
    utils: z.record(z.string(), z.unknown()).optional(),
    transform: z.record(z.string(), TransformSpec).optional(),
    rewriters: z.array(RewriterSpec).optional(),
    fix: FixSpec.describe("replacement of the matched node; $SCRUM_TOKEN and $SCRUM_USER are seeded values"),
    symbol: MetaVar.optional().describe("meta-variable naming what the defect is about (a guard's name), for findings in other files"),
    check: SiteCheck.optional(),
    files: z.array(z.string().min(1)).optional(),
    ignores: z.array(z.string().min(1)).optional(),
    prefilter: z.string().min(1).optional().describe("JS regex (case-insensitive): files without a match have no site"),
    example_path: z.string().min(1).optional(),
    examples: z.array(MutationExample).min(1, "every operator proves what it plants: give at least one example"),
    no_site: z.array(z.string().min(1)).min(1, "every operator proves what it leaves alone: give at least one no_site example"),
  })
  .strict()
  .superRefine((m, ctx) => {
    const ids = new Set((m.rewriters ?? []).map((r) => r.id));
    for (const [name, t] of Object.entries(m.transform ?? {})) {
      if ("rewrite" in t) for (const id of t.rewrite.rewriters) if (!ids.has(id)) ctx.addIssue({ code: "custom", path: ["transform", name], message: `unknown rewriter '${id}'` });
    }
  });
export type MutationSpec = z.infer<typeof MutationSpec>;
