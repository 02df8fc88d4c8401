import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftStore } from '../src/main/drafts';

describe('DraftStore', () => {
  let dir: string;
  let drafts: DraftStore;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'desk-drafts-'));
    drafts = new DraftStore(dir);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a draft', async () => {
    await drafts.save('T-42', 'Hello, thanks for waiting');
    expect(await drafts.load('T-42')).toMatchObject({ ticketId: 'T-42', body: 'Hello, thanks for waiting' });
  });

  it('returns undefined for a ticket without a draft', async () => {
    expect(await drafts.load('T-43')).toBeUndefined();
  });

  it('refuses ids that could escape the drafts folder', async () => {
    await expect(drafts.save('../../etc/passwd', 'x')).rejects.toThrow('invalid ticket id');
  });
});
