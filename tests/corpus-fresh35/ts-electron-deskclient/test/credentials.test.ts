import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore, silentLog } from './fakes';

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (value: string) => Buffer.from(`enc:${value}`),
    decryptString: (buf: Buffer) => {
      const text = buf.toString();
      if (!text.startsWith('enc:')) throw new Error('bad ciphertext');
      return text.slice(4);
    },
  },
}));

vi.mock('electron-store', () => ({ default: class {} }));

import { CredentialVault } from '../src/main/credentials';

const TEST_PIN = '482913';

describe('CredentialVault', () => {
  let store: MemoryStore<{ refreshToken?: string; lockPin?: string; lockFailures: number }>;
  let vault: CredentialVault;

  beforeEach(() => {
    store = new MemoryStore({ lockFailures: 0 });
    vault = new CredentialVault(silentLog, store as never);
  });

  it('never stores the refresh token in clear text', () => {
    vault.saveRefreshToken('rt-example');
    expect(store.get('refreshToken')).not.toContain('rt-example');
    expect(vault.refreshToken()).toBe('rt-example');
  });

  it('unlocks with the right pin and counts failures', () => {
    vault.setLockPin(TEST_PIN);
    expect(vault.unlock('000000')).toBe(false);
    expect(store.get('lockFailures')).toBe(1);
    expect(vault.unlock(TEST_PIN)).toBe(true);
    expect(store.get('lockFailures')).toBe(0);
  });

  it('locks out and forgets the refresh token after five failures', () => {
    vault.saveRefreshToken('rt-example');
    vault.setLockPin(TEST_PIN);
    for (let i = 0; i < 5; i += 1) vault.unlock('111111');
    expect(() => vault.unlock(TEST_PIN)).toThrow(/too many failed attempts/);
    expect(vault.refreshToken()).toBeUndefined();
  });

  it('discards an unreadable stored token', () => {
    store.set('refreshToken', Buffer.from('garbage').toString('base64'));
    expect(vault.refreshToken()).toBeUndefined();
    expect(store.has('refreshToken')).toBe(false);
  });
});
