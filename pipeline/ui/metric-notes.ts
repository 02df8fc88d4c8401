// What each METRICS figure means and what good looks like: shown next to the number in the UI.

export interface MetricNote {
  label: string;
  meaning: string;
  good: string;
}

export const METRIC_NOTES: Record<string, MetricNote> = {
  mean_to: { label: "Mean score", meaning: "Average file score (0-10) in the later iteration, over files that got a score.", good: "Rising from sweep to sweep; 7 or more means most files pass review." },
  delta: { label: "Mean score change", meaning: "Later mean minus earlier mean, over each side's scored files.", good: "Positive. A drop under a changed prompt (bar raised) is a stricter review, not a regression." },
  movement: { label: "Files up / down / same", meaning: "Files scored in both iterations whose score rose, fell or stayed put.", good: "Up well above down; files a fix wave targeted should be among the ups." },
  coverage: { label: "New / dropped files", meaning: "Files reviewed only in the later iteration (new) or only in the earlier one (dropped: deleted, skipped or failed).", good: "Dropped files explained by deletions; an unexplained drop means the sweep skipped or failed them." },
  acceptance: { label: "Acceptance rate", meaning: "Review rows (chunks) that ended with an accepted answer, out of all rows in the later iteration.", good: "Close to 100%. Lower means models failed to answer in the required format even after escalation." },
  first_attempt: { label: "First-attempt rate", meaning: "Accepted rows whose first try was accepted, with no escalation to another rung.", good: "High (above 80%): the first rung is doing the work and escalation costs stay low." },
  json_rate: { label: "JSON rate", meaning: "Accepted answers that came back as JSON rather than parsed from markdown.", good: "High. Markdown answers parse less reliably and lose line numbers." },
  requests_per_row: { label: "Requests per row", meaning: "HTTP requests (retries and escalations included) per review row.", good: "Near 1. Higher means retries, rate limits or parse failures are costing calls." },
  tokens: { label: "Tokens (prompt / completion)", meaning: "Tokens the models used in the later iteration.", good: "Stable or falling for the same files; a jump means bigger prompts or chattier models." },
  verified_components: { label: "Verified components", meaning: "Things the reviewers confirmed work, with evidence that checked out against the file.", good: "Rising as fixes land." },
  tiers: { label: "Permission tiers", meaning: "Files per autonomy tier (auto, dry_run, sim, block) by the tier rules in scrum.config.yaml.", good: "block shrinking and auto growing over iterations." },
  bar_raised: { label: "Bar raised", meaning: "Whether the prompt changed between the two iterations.", good: "Read the score change in its light: a harder prompt lowers scores without code getting worse." },
};

/** A column of a METRICS table: its header, how to show it, and what it means (shown as the header's tooltip). */
export interface ColumnNote {
  label: string;
  format: "text" | "file" | "int" | "num" | "delta" | "pct";
  meaning: string;
}

/** A METRICS table: what it shows and how to read it. The rows come from metrics-view.ts SECTIONS (same id). */
export interface SectionNote {
  title: string;
  meaning: string;
  columns: Record<string, ColumnNote>;
}

export const SECTION_NOTES: Record<string, SectionNote> = {
  moves: {
    title: "Biggest score changes",
    meaning: "Files scored in both iterations, largest drops first, then largest rises. Open a file for its trace.",
    columns: {
      file: { label: "file", format: "file", meaning: "Repository path of the reviewed file." },
      from: { label: "from", format: "num", meaning: "Mean score of the file's chunks in the earlier iteration." },
      to: { label: "to", format: "num", meaning: "Mean score of the file's chunks in the later iteration." },
      delta: { label: "change", format: "delta", meaning: "Later minus earlier score." },
    },
  },
  iterations: {
    title: "Iterations",
    meaning: "Review rows per iteration and how they were answered: the cost side of each sweep.",
    columns: {
      iter: { label: "iter", format: "int", meaning: "Iteration number." },
      rows: { label: "rows", format: "int", meaning: "Review rows (chunks) written in the iteration." },
      accepted: { label: "accepted", format: "int", meaning: "Rows that ended with an accepted answer." },
      first_attempt_rate: { label: "first try", format: "pct", meaning: "Accepted rows accepted on their first attempt, no escalation." },
      json_rate: { label: "JSON", format: "pct", meaning: "Accepted answers that came back as JSON." },
      requests: { label: "requests", format: "int", meaning: "HTTP requests, retries and escalations included." },
      tokens: { label: "tokens p/c", format: "text", meaning: "Prompt / completion tokens." },
    },
  },
  trust: {
    title: "Model trust",
    meaning: "How far each model's reviews can be trusted, over the whole KB (`scrum trust`).",
    columns: {
      model: { label: "model", format: "text", meaning: "Provider/model that answered." },
      files_accepted: { label: "files", format: "int", meaning: "Distinct files this model's answers were accepted for." },
      first_attempt_rate: { label: "first try", format: "pct", meaning: "Files accepted on the model's first try, of the files it was tried on." },
      json_rate: { label: "JSON", format: "pct", meaning: "Accepted answers that were JSON." },
      parse_failures: { label: "parse failures", format: "int", meaning: "Answers that could not be read as a review." },
      unverified_rate: { label: "unverified", format: "pct", meaning: "Findings whose line or quoted evidence did not check out against the file." },
      agree_models: { label: "agrees with models", format: "pct", meaning: "Same verdict as other models on the same file content." },
      agree_floor: { label: "agrees with floor", format: "pct", meaning: "Same verdict as the static rule floor on the same file content." },
      mutation_recall: { label: "mutation recall", format: "pct", meaning: "Planted defects this model caught, of those whose file it reviewed, over every mutation eval (`scrum eval --mutate`)." },
      verified_share: { label: "verified share", format: "pct", meaning: "Its findings on mutated files that were not false alarms, over every mutation eval." },
    },
  },
  evals: {
    title: "Mutation eval (the latest)",
    meaning: "Defects planted in a copy of this repository by `scrum eval --mutate` (docs/EVAL.md): per class and reviewer, how many it caught of those whose file it reviewed.",
    columns: {
      class: { label: "class", format: "text", meaning: "The class of the planted defect." },
      reviewer: { label: "reviewer", format: "text", meaning: "The floor, or the provider/model that reviewed the mutated file." },
      caught: { label: "caught", format: "int", meaning: "Planted defects it reported: a verified finding of that class (or unlabelled) within 3 lines of the change." },
      reviewed: { label: "reviewed", format: "int", meaning: "Planted defects whose file it reviewed." },
      recall: { label: "recall", format: "pct", meaning: "caught / reviewed." },
      false_alarms: { label: "false alarms", format: "int", meaning: "Findings on the mutated files near no planted defect and absent before planting." },
    },
  },
};

/** The mutation-eval table (`scrum eval --mutate`, docs/EVAL.md): each column explained, for the METRICS view. */
export const EVAL_NOTES: Record<string, MetricNote> = {
  mutation_recall: { label: "Mutation recall (eval table)", meaning: "From `scrum eval --mutate`: defects planted in a copy of this repository (one per file, by class) that a reviewer caught, out of those whose file it reviewed. A catch is a verified finding of that class (or unlabelled) within 3 lines of the planted change.", good: "High for the classes your team cares about; the floor below 100% is a real gap in its rules, a model below the floor is not worth its cost on this code." },
  false_alarms: { label: "False alarms (eval table)", meaning: "A reviewer's findings on the mutated files that are near no planted defect and were absent before planting.", good: "Near 0: new findings the mutant did not cause are noise the reviewer adds when code changes." },
  verified_share: { label: "Verified share (trust)", meaning: "Share of a model's findings on mutated files that were not false alarms, summed over every mutation eval.", good: "Close to 100%." },
  confusion: { label: "Confusion (planted → reported)", meaning: "For each planted class, which classes the reviewer reported next to the change; 'nothing' when it stayed silent, 'unclassified' for findings without a [class] label.", good: "Each class reported as itself; a class reported as another still points at the defect but mislabels it." },
};
