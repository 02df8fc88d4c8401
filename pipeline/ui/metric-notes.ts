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
    },
  },
};
