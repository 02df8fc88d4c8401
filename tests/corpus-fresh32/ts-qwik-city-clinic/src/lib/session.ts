import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from './db/client';
import { passwordResets, sessions, users } from './db/schema';

export const SESSION_COOKIE = 'nfc_session';

export interface SessionUser {
	id: string;
	email: string;
	role: 'patient' | 'nurse' | 'physician' | 'admin';
	patientId: string | null;
	displayName: string;
	csrfToken: string;
}

export const STAFF_ROLES: ReadonlyArray<SessionUser['role']> = ['nurse', 'physician', 'admin'];

export function isStaff(user: SessionUser | undefined): boolean {
	return !!user && STAFF_ROLES.includes(user.role);
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, userId: string, ttlDays: number): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	await db.insert(sessions).values({
		userId,
		tokenHash: hashToken(token),
		csrfToken: randomBytes(24).toString('base64url'),
		expiresAt: new Date(Date.now() + ttlDays * 86_400_000),
	});
	return token;
}

export async function loadSession(db: Db, token: string | undefined): Promise<SessionUser | undefined> {
	if (!token) return undefined;
	const rows = await db
		.select({
			id: users.id,
			email: users.email,
			role: users.role,
			patientId: users.patientId,
			displayName: users.displayName,
			csrfToken: sessions.csrfToken,
			disabled: users.disabled,
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())))
		.limit(1);
	const row = rows[0];
	if (!row || row.disabled) return undefined;
	const { disabled: _disabled, ...user } = row;
	return user;
}

export async function destroySession(db: Db, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export function csrfMatches(user: SessionUser, submitted: string | null | undefined): boolean {
	if (!submitted) return false;
	const a = Buffer.from(user.csrfToken);
	const b = Buffer.from(submitted);
	return a.length === b.length && timingSafeEqual(a, b);
}

export async function checkPassword(db: Db, email: string, password: string): Promise<string | undefined> {
	const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
	if (!user || user.disabled) return undefined;
	return (await argonVerify(user.passwordHash, password)) ? user.id : undefined;
}

export async function issuePasswordReset(db: Db, userId: string): Promise<string> {
	const secret = randomBytes(24).toString('base64url');
	await db
		.insert(passwordResets)
		.values({ userId, tokenHash: hashToken(secret), expiresAt: new Date(Date.now() + 30 * 60_000) })
		.onConflictDoUpdate({
			target: passwordResets.userId,
			set: { tokenHash: hashToken(secret), expiresAt: new Date(Date.now() + 30 * 60_000) },
		});
	return `${userId}.${secret}`;
}

export async function consumePasswordReset(db: Db, token: string, newPassword: string): Promise<boolean> {
	const [userId, secret] = token.split('.', 2);
	if (!userId || !secret) return false;
	const [row] = await db.select().from(passwordResets).where(eq(passwordResets.userId, userId)).limit(1);
	if (!row || row.expiresAt < new Date()) return false;
	if (row.tokenHash !== hashToken(secret)) return false;
	await db.transaction(async (tx) => {
		await tx.update(users).set({ passwordHash: await argonHash(newPassword) }).where(eq(users.id, userId));
		await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
		await tx.delete(sessions).where(eq(sessions.userId, userId));
	});
	return true;
}
