// Review cache over the KB: an accepted review is reused when file content, prompt and model are unchanged.
import type { ReviewRow } from "../kb/schemas/review-row";

export class ReviewCache {
  private byKey = new Map<string, ReviewRow>();

  static key(fileSha: string, chunk: number, chunks: number, promptSha: string, model: string): string {
    return `${fileSha}|${chunk}/${chunks}|${promptSha}|${model}`;
  }

  /** Later rows win, so the freshest accepted review is the one reused. Static-rung rows are not cached. */
  constructor(rows: readonly ReviewRow[]) {
    for (const r of rows) {
      if (r.status !== "accepted" || !r.model || r.provider === "static") continue;
      this.byKey.set(ReviewCache.key(r.file_sha256, r.chunk, r.chunks, r.prompt.sha256, r.model), r);
    }
  }

  /** The first model of the ladder, in rung order, with a cached review of this chunk. */
  find(fileSha: string, chunk: number, chunks: number, promptSha: string, models: readonly string[]): ReviewRow | null {
    for (const m of models) {
      const hit = this.byKey.get(ReviewCache.key(fileSha, chunk, chunks, promptSha, m));
      if (hit) return hit;
    }
    return null;
  }
}
