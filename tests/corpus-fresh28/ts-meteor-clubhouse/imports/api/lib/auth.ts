import { Meteor } from 'meteor/meteor';
import { Roles } from 'meteor/alanning:roles';
import { timingSafeEqual } from 'crypto';

export type ClubRole = 'member' | 'organizer' | 'treasurer' | 'admin';

export function requireUser(userId: string | null): string {
  if (!userId) {
    throw new Meteor.Error('not-authorized', 'You must be signed in');
  }
  return userId;
}

/**
 * Throws unless the user holds one of the roles within the club scope.
 * Global admins (no scope) pass for every club.
 */
export async function requireRole(
  userId: string | null,
  roles: ClubRole | ClubRole[],
  clubId?: string
): Promise<string> {
  const uid = requireUser(userId);
  const wanted = Array.isArray(roles) ? roles : [roles];
  if (await Roles.userIsInRoleAsync(uid, 'admin')) {
    return uid;
  }
  if (!(await Roles.userIsInRoleAsync(uid, wanted, clubId))) {
    throw new Meteor.Error('not-authorized', `Requires ${wanted.join(' or ')}`);
  }
  return uid;
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
