// The one config schema (zod) and its defaults. Loading and YAML parsing live in core/load-config.ts.
import { z } from "zod";
import { FindingClass } from "../kb/schemas/static-finding";

export const Rung = z
  .object({
    provider: z.enum(["ollama", "openai", "static"]),
    model: z.string().min(1).default("static-floor"),
    host: z.string().url().optional().describe("Ollama host, e.g. http://127.0.0.1:11434"),
    baseURL: z.string().url().optional().describe("OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1"),
    apiKeyEnv: z.string().optional().describe("environment variable holding the API key"),
    timeoutMs: z.number().int().positive().default(120_000),
    retries: z.number().int().min(0).max(10).default(2),
    think: z.boolean().optional().describe("ask thinking models to reason before answering"),
    price: z
      .object({ promptPerMTok: z.number().min(0), completionPerMTok: z.number().min(0) })
      .strict()
      .optional()
      .describe("USD per million tokens, used by --dry-run cost estimates"),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.provider === "ollama" && !r.host) ctx.addIssue({ code: "custom", path: ["host"], message: "an ollama rung needs host" });
    if (r.provider === "openai" && !r.baseURL) ctx.addIssue({ code: "custom", path: ["baseURL"], message: "an openai rung needs baseURL" });
  });
export type Rung = z.infer<typeof Rung>;

const Glob = z.string().min(1);

export const WalkConfig = z
  .object({
    include: z.array(Glob).default(["**/*"]),
    exclude: z.array(Glob).default([]),
    maxFileBytes: z.number().int().positive().default(512 * 1024),
    minifiedLineChars: z.number().int().positive().default(1000)
      .describe("a file most of whose text sits on lines longer than this is a minified build artifact, skipped as generated"),
    sourceExtensions: z.array(z.string()).default([
      ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".py", ".rs", ".go", ".java", ".kt",
      ".rb", ".php", ".cs", ".c", ".h", ".cc", ".cpp", ".hpp", ".swift", ".scala", ".sh", ".sql", ".vue", ".svelte",
    ]),
    lockfiles: z.array(Glob).default([
      "**/package-lock.json", "**/yarn.lock", "**/pnpm-lock.yaml", "**/bun.lockb", "**/bun.lock", "**/Cargo.lock",
      "**/go.sum", "**/poetry.lock", "**/Pipfile.lock", "**/composer.lock", "**/Gemfile.lock", "**/uv.lock",
    ]),
    vendored: z.array(Glob).default([
      "**/node_modules/**", "**/vendor/**", "**/third_party/**", "**/third-party/**", "**/.venv/**", "**/venv/**",
      "**/site-packages/**", "**/bower_components/**", "**/vendored/**",
      // Web apps ship third-party browser libraries under static/ (pdf.js, less.js, a markdown toolbar): not the project's code.
      "**/static/**/lib/**", "**/static/**/libs/**",
    ]),
    copiedLibraries: z.boolean().default(true)
      .describe("skip a directory that carries its own licence naming another copyright holder and no package manifest: a library copied in, outside any vendor/ directory"),
    vendoredDependencies: z.boolean().default(true)
      .describe("skip a directory whose package sub-directories include three or more (a quarter or more of them) that the repository's manifests declare as dependencies: dependencies copied in (a lib/ put on sys.path); and a directory holding three or more pip install records (NAME-VERSION.dist-info): packages installed into the repository"),
    uncompiledRust: z.boolean().default(true)
      .describe("skip a Rust file that no crate compiles: no `mod NAME;` declaration (nor `#[path]`, `include!`, a Cargo.toml `path`) reaches it from a crate root, judged only under a walked Cargo.toml"),
    generated: z.array(Glob).default([
      "**/dist/**", "**/build/**", "**/out/**", "**/target/**", "**/*.min.js", "**/*.min.css", "**/*.map",
      "**/*.pb.go", "**/*_pb2.py", "**/*.generated.*", "**/*.gen.go", "**/__generated__/**", "**/coverage/**",
      // Yarn Plug'n'Play's runtime, written by `yarn install` (no header says so), and Yarn's own release and plugins.
      "**/.pnp.cjs", "**/.pnp.js", "**/.pnp.loader.mjs", "**/.yarn/releases/**", "**/.yarn/plugins/**",
    ]),
  })
  .strict();

export const PromptConfig = z
  .object({
    default: z.enum(["forensic", "soft"]).default("forensic"),
    dir: z.string().default("prompts").describe("prompt directory, relative to the scrum install"),
    budgetTokens: z.number().int().min(200).default(6000).describe("file content per prompt, in estimated tokens"),
    proposal: z.string().default("docs/SCRUM_FIX_WAVE.md").describe("fix-wave doc, relative to the swept repository"),
  })
  .strict();

export const RetryConfig = z
  .object({
    baseMs: z.number().int().min(0).default(500).describe("first backoff; doubles each retry, with jitter"),
    maxMs: z.number().int().min(0).default(20_000).describe("cap on one backoff, Retry-After included"),
    circuitAfter: z.number().int().min(1).default(3).describe("consecutive connection failures that open an endpoint's circuit"),
    probeMs: z.number().int().positive().default(1500).describe("reachability probe timeout when choosing the default ladder"),
  })
  .strict();

export const AcceptConfig = z.object({ minConfidence: z.number().min(0).max(1).default(0.5) }).strict();

export const RedactionConfig = z
  .object({
    remote: z.boolean().default(true).describe("redact prompts sent to non-local endpoints"),
    local: z.boolean().default(false).describe("redact prompts sent to loopback endpoints too"),
    placeholder: z.string().default("[REDACTED]"),
    entropyMin: z.number().min(0).default(3.5).describe("Shannon bits per char for key/token/password literals"),
    minLength: z.number().int().min(1).default(12),
  })
  .strict();

export const ConcurrencyConfig = z
  .object({
    files: z.number().int().min(1).default(4),
    perProvider: z.record(z.string(), z.number().int().min(1)).default({}).describe("explicit caps on requests in flight per provider; without one a provider follows --concurrency / files"),
  })
  .strict();

const TierName = z.enum(["auto", "dry_run", "sim", "block"]);
export const TierRule = z
  .object({
    tier: TierName,
    status: z.enum(["accepted", "failed"]).optional(),
    verdict: z.array(z.enum(["pass", "concerns", "fail"])).optional(),
    sensitive: z.boolean().optional(),
    minCritical: z.number().int().min(0).optional(),
    maxCritical: z.number().int().min(0).optional(),
    minConfidence: z.number().min(0).max(1).optional(),
    maxConfidence: z.number().min(0).max(1).optional(),
    minSeverity: z.enum(["info", "warning", "error"]).optional(),
  })
  .strict();
export type TierRule = z.infer<typeof TierRule>;

/** Severity by place: the highest tier findings in code that does not ship may bring a chunk to. */
export const PlaceCap = z
  .object({
    default: TierName,
    classes: z.partialRecord(FindingClass, TierName).default({}).describe("per finding class, overriding default"),
  })
  .strict();
const PLACE_DEFAULT = { default: "dry_run" as const, classes: { "hardcoded-secret": "sim" as const } };
export const PlaceCaps = z
  .object({ test: PlaceCap.default(PLACE_DEFAULT), example: PlaceCap.default(PLACE_DEFAULT), bench: PlaceCap.default(PLACE_DEFAULT) })
  .strict();

export const TierConfig = z
  .object({
    sensitive: z.array(Glob).default(["**/*auth*/**", "**/*auth*.*", "**/*secur*", "**/*crypt*", "**/*payment*", "**/*billing*", "**/migrations/**", "**/*permission*", "**/*session*"]),
    rules: z.array(TierRule).min(1),
    fallback: TierName.default("dry_run"),
    places: PlaceCaps.default(PlaceCaps.parse({})).describe("caps on the tier of chunks whose findings are all in test, example or benchmark code"),
  })
  .strict();

export const StaticPolicy = z
  .object({
    baseScore: z.number().min(0).max(10).default(9),
    minScore: z.number().min(0).max(10).default(1),
    penalty: z.object({ error: z.number(), warning: z.number(), info: z.number() }).strict().default({ error: 3, warning: 1.5, info: 0.5 }),
    failOn: z.enum(["error", "warning", "info"]).default("error"),
    concernsOn: z.enum(["error", "warning", "info"]).default("warning"),
    rulesDir: z.string().default("prompts/rules"),
    leads: z.enum(["note", "claim"]).default("note")
      .describe("a floor lead (a dropped failure with no evidence that it matters): an info note for the models to verify, or a claim at its rule's severity"),
    smokeNotes: z.enum(["omit", "note"]).default("omit")
      .describe("tests whose only check is that nothing throws (a parse, a render, a page action, the race detector) and steps of a scenario suite: left out, or reported as info notes"),
    workers: z.number().int().min(0).max(64).optional()
      .describe("floor worker threads; default one per core when a sweep has 400+ files; 0 scans on the main thread"),
  })
  .strict();

export const SignalRule = z
  .object({
    signal: z.string().min(1),
    when: z.string().min(1).describe("condition name from analytics/signals.ts"),
  })
  .strict();
export const SignalsConfig = z
  .object({
    scoreDelta: z.number().min(0).default(1.0),
    jaccard: z.number().min(0).max(1).default(0.5),
    plateauConfidence: z.number().min(0).max(1).default(0.75),
    lineBucket: z.number().int().min(1).default(10).describe("fingerprint location bucket, in lines"),
    order: z.array(SignalRule).min(1),
  })
  .strict();

export const FixwaveConfig = z
  .object({
    limit: z.number().int().min(1).default(25).describe("most files one fix-wave doc lists (scrum fixwave --limit)"),
  })
  .strict();

export const ObserverConfig = z
  .object({
    url: z.string().url().optional().describe("POST each reviewed file to <url>/event"),
    timeoutMs: z.number().int().positive().default(1500),
    port: z.number().int().min(0).max(65535).default(3800),
    host: z.string().default("127.0.0.1"),
    data: z.string().default("data/_observer"),
    apiKeyEnv: z.string().default("SCRUM_OBSERVER_KEY"),
    corrections: z.string().optional().describe("JSONL file of overseer corrections to tail"),
    cycleMs: z.number().int().positive().default(60_000),
    ringSize: z.number().int().positive().default(2000),
    maxBodyBytes: z.number().int().positive().default(64 * 1024),
    playbookEveryCycles: z.number().int().positive().default(5).describe("consolidate the playbook every N analysis cycles"),
    playbookMinSuccesses: z.number().int().min(2).default(3).describe("successes of one (endpoint, task class) before it becomes a playbook entry"),
  })
  .strict();

export const MutateConfig = z
  .object({
    dir: z.string().default("prompts/mutations").describe("mutation operators, relative to the scrum install (or absolute)"),
    perClass: z.number().int().min(1).default(3).describe("mutants planted per class (scrum eval --mutate --per-class)"),
    tolerance: z.number().int().min(0).default(3).describe("a finding within this many lines of a mutant catches it"),
    seed: z.string().min(1).default("scrum").describe("default --seed: the same seed plants the same mutants"),
  })
  .strict();

/** Claim kinds `scrum audit` recognises (docs/AUDIT.md); `fact` is everything else stated as fact. */
export const ClaimKind = z.enum(["score_movement", "aggregate", "test_count", "wiring", "changed_file", "fact"]);
export type ClaimKind = z.infer<typeof ClaimKind>;

export const AuditConfig = z
  .object({
    blocking: z.array(ClaimKind).default(["score_movement", "aggregate", "test_count", "wiring", "changed_file"])
      .describe("claim kinds whose not-backed outcome fails `scrum audit` (exit 1)"),
    strict: z.boolean().default(false).describe("an unverifiable claim of a blocking kind blocks too"),
    diffLines: z.number().int().min(20).default(400).describe("most diff lines sent with one claim to `scrum audit --ladder`"),
  })
  .strict();

export const Config = z
  .object({
    policy_version: z.string().min(1),
    kb: z.string().default("data/_kb"),
    ladder: z.string().min(1),
    ladders: z.record(z.string(), z.array(Rung).min(1)),
    accept: AcceptConfig.default({ minConfidence: 0.5 }),
    retry: RetryConfig.default(RetryConfig.parse({})),
    walk: WalkConfig.default(WalkConfig.parse({})),
    prompt: PromptConfig.default(PromptConfig.parse({})),
    redaction: RedactionConfig.default(RedactionConfig.parse({})),
    concurrency: ConcurrencyConfig.default(ConcurrencyConfig.parse({})),
    tiers: TierConfig,
    static: StaticPolicy.default(StaticPolicy.parse({})),
    signals: SignalsConfig,
    fixwave: FixwaveConfig.default(FixwaveConfig.parse({})),
    observer: ObserverConfig.default(ObserverConfig.parse({})),
    mutate: MutateConfig.default(MutateConfig.parse({})),
    audit: AuditConfig.default(AuditConfig.parse({})),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.ladders[c.ladder]) ctx.addIssue({ code: "custom", path: ["ladder"], message: `names no ladder in ladders (have: ${Object.keys(c.ladders).join(", ")})` });
  });
export type Config = z.infer<typeof Config>;
