// File names inside a KB directory; `--kb DIR` moves all of them together.
import { join } from "node:path";

export const KB_FILES = {
  reviews: "scrum_reviews.jsonl",
  trust: "model_trust.jsonl",
  runs: "scrum_runs.jsonl",
  evals: "scrum_evals.jsonl",
  audits: "scrum_audits.jsonl",
} as const;

export function kbPaths(dir: string) {
  return {
    dir,
    reviews: join(dir, KB_FILES.reviews),
    trust: join(dir, KB_FILES.trust),
    runs: join(dir, KB_FILES.runs),
    evals: join(dir, KB_FILES.evals),
    audits: join(dir, KB_FILES.audits),
  };
}
export type KbPaths = ReturnType<typeof kbPaths>;
