// The findings relation (one row per critical failure, with its fingerprint) over any reviews relation:
// shared by the `findings` view and the signals SQL, so neither imports the other.

/** Fingerprinted critical findings of the reviews rows in `from` (a relation with the reviews columns). */
export function findingsOf(from: string): string {
  // Title keys are computed once per distinct title: models and cached rows repeat titles a lot.
  return `SELECT u.iter, u.run_id, u.file, u.chunk, u.model, u.provider, u.file_sha256, u.prompt_sha256, u.gradient_tier,
      u.c.title AS title, u.c.line AS line, u.c.evidence AS evidence, u.c.verified AS verified, k.title_key,
      u.file || '#' || k.title_key || '@' || scrum_bucket(u.c.line) AS fingerprint
    FROM (SELECT iter, run_id, file, chunk, model, provider, file_sha256, prompt_sha256, gradient_tier, unnest(critical_failures) AS c FROM ${from}) u
    LEFT JOIN (SELECT title, scrum_title_key(title) AS title_key FROM (SELECT DISTINCT unnest(critical_failures).title AS title FROM ${from})) k
      ON k.title = u.c.title`;
}
