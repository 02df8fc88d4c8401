// Builds the cache's search index (query/search-index.ts) in the background, one part at a time on a second
// connection, so views stay answerable meanwhile; SEARCH uses the parts indexed so far and says how far it got.
import type { DuckDBConnection } from "@duckdb/node-api";
import { indexed, indexParts, removeStaleIndexes } from "../query/search-index";
import type { UiDb } from "./ui-db";

export interface IndexState {
  /** Parts of the current cache, and how many of them are indexed. */
  parts: number;
  ready: number;
  building: boolean;
  error: string | null;
}

export class SearchIndexer {
  private con: DuckDBConnection | null = null;
  private job: Promise<void> | null = null;
  private error: string | null = null;

  constructor(private readonly db: UiDb, private readonly cacheDir: string) {}

  /** The current cache's parts (null: the KB is read from the JSONL, there is nothing to index). */
  private parts(): string[] | null {
    return this.db.kb.source().parts;
  }

  /** The indexed parts now; starts indexing the rest if it is not running. */
  ready(): string[] {
    const parts = this.parts() ?? [];
    if (parts.some((p) => !indexed(p))) this.start();
    return parts.filter(indexed);
  }

  state(): IndexState {
    const parts = this.parts() ?? [];
    return { parts: parts.length, ready: parts.filter(indexed).length, building: this.job !== null, error: this.error };
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
      this.con ??= await this.db.kb.connect();
      // Parts can be replaced meanwhile (an append compacts them): go again until the list is stable.
      for (let round = 0; round < 4; round++) {
        const parts = this.parts() ?? [];
        if (parts.every(indexed)) break;
        await indexParts(this.con, parts);
      }
      removeStaleIndexes(this.cacheDir, this.parts() ?? []);
      this.error = null;
    } catch (e) {
      this.error = `search index: ${(e as Error).message.split("\n")[0]}`;
    }
  }

  /** Stop indexing (a part half written is left as a temp file and redone next time) and close the connection. */
  async close(): Promise<void> {
    if (this.job) {
      this.con?.interrupt();
      await this.job;
    }
    this.con?.closeSync();
    this.con = null;
  }
}
