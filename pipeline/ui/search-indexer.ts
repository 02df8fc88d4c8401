// Builds the cache's search index (query/search-index.ts) in the background, a segment at a time between views
// (ui-db.ts task), so views stay answerable meanwhile and memory holds one thing at a time; SEARCH uses the parts
// indexed so far and says how far it got.
import { indexSegment, removeStaleIndexes, searchFiles, segmentBuilt, segmentsOf, type SearchFiles, type Segment } from "../query/search-index";
import type { UiDb } from "./ui-db";

export interface IndexState {
  /** Parts of the current cache, and how many of them are indexed. */
  parts: number;
  ready: number;
  building: boolean;
  error: string | null;
}

export class SearchIndexer {
  private stopping = false;
  private job: Promise<void> | null = null;
  private error: string | null = null;
  /** Segments per part (parts never change). */
  private segs = new Map<string, Segment[]>();

  constructor(private readonly db: UiDb, private readonly cacheDir: string) {}

  /** The current cache's parts (none when the KB is read from the JSONL: there is nothing to index). */
  private parts(): string[] {
    return this.db.kb.source().parts ?? [];
  }

  private filesOf(part: string): SearchFiles[] | null {
    const segs = this.segs.get(part);
    if (segs === undefined) return null;
    const files = segs.map((_, i) => searchFiles(part, i));
    return files.every(segmentBuilt) ? files : null;
  }

  /** The index files of the parts indexed so far; starts indexing the rest if it is not running. */
  ready(): SearchFiles[] {
    const parts = this.parts();
    const got = parts.map((p) => this.filesOf(p));
    if (got.some((f) => f === null)) void this.start();
    return got.flatMap((f) => f ?? []);
  }

  state(): IndexState {
    const parts = this.parts();
    return { parts: parts.length, ready: parts.filter((p) => this.filesOf(p) !== null).length, building: this.job !== null, error: this.error };
  }

  /** Index whatever is missing; resolves when the current parts are all indexed (or indexing failed). */
  start(): Promise<void> {
    if (this.job) return this.job;
    const job = this.run();
    this.job = job;
    void job.finally(() => {
      if (this.job === job) this.job = null;
    });
    return job;
  }

  private async run(): Promise<void> {
    try {
      const con = this.db.kb.con;
      // Parts can be replaced meanwhile (an append compacts them): go again until the list is stable.
      for (let round = 0; round < 4; round++) {
        const parts = this.parts();
        for (const p of parts) {
          if (!this.segs.has(p)) this.segs.set(p, await this.db.task(() => segmentsOf(con, p)));
          for (const [i, seg] of this.segs.get(p)!.entries()) {
            if (this.stopping) return;
            if (!segmentBuilt(searchFiles(p, i))) await this.db.task(() => indexSegment(con, p, seg, i));
          }
        }
        if (this.parts().every((p) => this.filesOf(p))) break;
      }
      removeStaleIndexes(this.cacheDir, this.parts());
      this.error = null;
    } catch (e) {
      this.error = `search index: ${(e as Error).message.split("\n")[0]}`;
    }
  }

  /** Stop after the segment being built (a half-written one is a temp file, redone next time). */
  async close(): Promise<void> {
    this.stopping = true;
    await this.job;
  }
}
