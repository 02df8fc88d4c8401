import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Persistence for feed cursors (last seen entry id + etag per feed).
 * Concrete stores must implement load/save.
 */
export class BaseStore {
  async load() {
    throw new Error(`${this.constructor.name} must implement load()`);
  }

  async save(_state) {
    throw new Error(`${this.constructor.name} must implement save()`);
  }

  async cursorFor(feedUrl) {
    const state = await this.load();
    return state.feeds?.[feedUrl] ?? { lastId: null, etag: undefined };
  }
}

export class FileStore extends BaseStore {
  constructor(file) {
    super();
    this.file = file;
  }

  async load() {
    try {
      return JSON.parse(await fs.readFile(this.file, 'utf8'));
    } catch (err) {
      if (err.code === 'ENOENT') return { feeds: {} };
      throw err;
    }
  }

  async save(state) {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(state, null, 2));
    await fs.rename(tmp, this.file);
  }

  /** Drops cursors for feeds that are no longer configured. */
  async compact(activeFeeds) {
    throw new Error('FileStore.compact is not implemented yet');
  }
}

export class MemoryStore extends BaseStore {
  #state = { feeds: {} };

  async load() {
    return structuredClone(this.#state);
  }

  async save(state) {
    this.#state = structuredClone(state);
  }
}
