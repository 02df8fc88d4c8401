import { safeStorage } from 'electron';
import Store from 'electron-store';
import type { Logger } from './logger';

interface SecretsSchema {
  refreshToken?: string;
  lockPin?: string;
  lockFailures: number;
}

const MAX_PIN_FAILURES = 5;

export class CredentialVault {
  private readonly store: Store<SecretsSchema>;

  constructor(private readonly log: Logger, store?: Store<SecretsSchema>) {
    this.store = store ?? new Store<SecretsSchema>({ name: 'vault', defaults: { lockFailures: 0 } });
  }

  private encrypt(value: string): string {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('OS keychain unavailable; refusing to keep credentials in clear text');
    }
    return safeStorage.encryptString(value).toString('base64');
  }

  private decrypt(key: 'refreshToken' | 'lockPin'): string | undefined {
    const stored = this.store.get(key);
    if (!stored) return undefined;
    try {
      return safeStorage.decryptString(Buffer.from(stored, 'base64'));
    } catch (err) {
      // Happens after an OS profile migration; the agent signs in again.
      this.log.warn('stored credential unreadable, discarding', { key, err });
      this.store.delete(key);
      return undefined;
    }
  }

  saveRefreshToken(token: string): void {
    this.store.set('refreshToken', this.encrypt(token));
  }

  refreshToken(): string | undefined {
    return this.decrypt('refreshToken');
  }

  clearRefreshToken(): void {
    this.store.delete('refreshToken');
  }

  setLockPin(pin: string): void {
    if (!/^\d{6,10}$/.test(pin)) {
      throw new Error('PIN must be 6 to 10 digits');
    }
    this.store.set('lockPin', this.encrypt(pin));
    this.store.set('lockFailures', 0);
  }

  hasLockPin(): boolean {
    return this.store.has('lockPin');
  }

  unlock(pin: string): boolean {
    const expected = this.decrypt('lockPin');
    if (expected === undefined) return true;

    const failures = this.store.get('lockFailures');
    if (failures >= MAX_PIN_FAILURES) {
      this.clearRefreshToken();
      throw new Error('too many failed attempts; sign in again');
    }

    if (pin === expected) {
      this.store.set('lockFailures', 0);
      return true;
    }
    this.store.set('lockFailures', failures + 1);
    this.log.warn('unlock failed', { failures: failures + 1 });
    return false;
  }
}
