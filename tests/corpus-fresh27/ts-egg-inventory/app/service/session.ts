import { Service } from 'egg';
import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'crypto';
import { promisify } from 'util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export interface SessionUser {
  id: number;
  role: string;
  email: string;
}

interface UserRow {
  id: number;
  email: string;
  role: string;
  passwordHash: string;
  disabled: boolean;
}

export default class SessionService extends Service {
  private sign(payload: string): string {
    return createHmac('sha256', this.config.inventory.sessionSecret)
      .update(payload)
      .digest('base64url');
  }

  issue(user: SessionUser, ttlSeconds = 8 * 3600): string {
    const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
    const payload = `${user.id}.${exp}`;
    return `${payload}.${this.sign(payload)}`;
  }

  async verify(token: string): Promise<SessionUser | null> {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [ id, exp, sig ] = parts;
    const expected = Buffer.from(this.sign(`${id}.${exp}`));
    const given = Buffer.from(sig);
    if (given.length !== expected.length) return null;
    if (!timingSafeEqual(given, expected)) return null;
    if (Number(exp) < Math.floor(Date.now() / 1000)) return null;

    const user = await this.findUser('id = ?', Number(id));
    if (!user || user.disabled) return null;
    return { id: user.id, role: user.role, email: user.email };
  }

  async login(email: string, password: string): Promise<string | null> {
    const user = await this.findUser('email = ?', email.toLowerCase());
    if (!user || user.disabled) return null;
    const [ saltHex, hashHex ] = String(user.passwordHash).split(':');
    const derived = await scrypt(password, Buffer.from(saltHex, 'hex'), 64);
    const stored = Buffer.from(hashHex, 'hex');
    if (stored.length !== derived.length || !timingSafeEqual(derived, stored)) {
      return null;
    }
    return this.issue({ id: user.id, role: user.role, email: user.email });
  }

  private async findUser(where: string, value: string | number): Promise<UserRow | undefined> {
    const rows = await this.ctx.model.query(
      `SELECT id, email, role, password_hash AS passwordHash, disabled FROM users WHERE ${where} LIMIT 1`,
      { replacements: [ value ], type: this.app.Sequelize.QueryTypes.SELECT },
    );
    return rows[0] as UserRow | undefined;
  }

  async hashPassword(password: string): Promise<string> {
    const salt = randomBytes(16);
    const derived = await scrypt(password, salt, 64);
    return `${salt.toString('hex')}:${derived.toString('hex')}`;
  }
}
