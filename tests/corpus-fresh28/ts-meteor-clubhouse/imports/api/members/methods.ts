import { Meteor } from 'meteor/meteor';
import { check, Match } from 'meteor/check';
import { Random } from 'meteor/random';
import { Roles } from 'meteor/alanning:roles';
import { requireRole, requireUser, ClubRole } from '../lib/auth';
import { createLogger } from '../lib/logger';
import { Invites, Members } from './members';

const log = createLogger('members');
const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

Meteor.methods({
  // Self-service: a signed-in user edits only their own member records.
  async 'members.updateProfile'(changes: { name?: string; phone?: string }) {
    check(changes, { name: Match.Maybe(String), phone: Match.Maybe(String) });
    const userId = requireUser(this.userId);
    const $set: Record<string, string> = {};
    if (changes.name) $set.name = changes.name.trim();
    if (changes.phone) $set.phone = changes.phone.trim();
    if (Object.keys($set).length === 0) return 0;
    return Members.updateAsync({ userId }, { $set }, { multi: true });
  },

  async 'invites.create'(clubId: string, email: string) {
    check(clubId, String);
    check(email, String);
    const userId = await requireRole(this.userId, ['organizer'], clubId);
    const inviteId = await Invites.insertAsync({
      clubId,
      email: email.toLowerCase(),
      token: Random.secret(32),
      invitedBy: userId,
      expiresAt: new Date(Date.now() + INVITE_TTL_MS),
    });
    log.info('invite created', { clubId, inviteId, by: userId });
    return inviteId;
  },

  async 'invites.accept'(inviteId: string, token: string) {
    check(inviteId, String);
    check(token, String);
    const userId = requireUser(this.userId);
    const invite = await Invites.findOneAsync(inviteId);
    if (!invite || invite.token !== token) {
      throw new Meteor.Error('invalid-invite', 'This invitation link is not valid');
    }
    if (invite.acceptedAt || invite.expiresAt < new Date()) {
      throw new Meteor.Error('invite-expired', 'This invitation has expired');
    }
    const user = await Meteor.users.findOneAsync(userId, { fields: { profile: 1, emails: 1 } });
    await Members.insertAsync({
      clubId: invite.clubId,
      userId,
      name: user?.profile?.name ?? invite.email,
      email: invite.email,
      status: 'active',
      duesCents: 0,
      membershipExpiresAt: new Date(),
      joinedAt: new Date(),
    });
    await Roles.addUsersToRolesAsync(userId, ['member'], invite.clubId);
    await Invites.updateAsync(inviteId, { $set: { acceptedBy: userId, acceptedAt: new Date() } });
    return invite.clubId;
  },

  async 'members.setRole'(clubId: string, memberUserId: string, role: ClubRole) {
    check(clubId, String);
    check(memberUserId, String);
    check(role, Match.OneOf('member', 'organizer', 'treasurer'));
    const adminId = await requireRole(this.userId, ['admin'], clubId);
    await Roles.setUserRolesAsync(memberUserId, [role], clubId);
    log.info('role changed', { clubId, memberUserId, role, by: adminId });
  },

  async 'members.exportMyData'() {
    requireUser(this.userId);
    throw new Meteor.Error('not-implemented', 'Data export is coming soon');
  },
});
