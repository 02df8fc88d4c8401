import { Meteor } from 'meteor/meteor';
import { check } from 'meteor/check';
import { Roles } from 'meteor/alanning:roles';
import { DIRECTORY_FIELDS, Members } from '../members';

Meteor.publish('members.mine', function () {
  if (!this.userId) {
    return this.ready();
  }
  return Members.find({ userId: this.userId });
});

Meteor.publish('members.directory', async function (clubId: string) {
  check(clubId, String);
  if (!this.userId) {
    return this.ready();
  }
  const allowed = await Roles.userIsInRoleAsync(
    this.userId,
    ['member', 'organizer', 'treasurer'],
    clubId
  );
  if (!allowed) {
    return this.ready();
  }
  return Members.find({ clubId }, { fields: DIRECTORY_FIELDS, sort: { name: 1 } });
});

Meteor.publish('members.roster', async function (clubId: string) {
  check(clubId, String);
  if (!this.userId || !(await Roles.userIsInRoleAsync(this.userId, ['organizer', 'treasurer'], clubId))) {
    return this.ready();
  }
  // organizers need contact details to run events
  return Members.find({ clubId }, { sort: { name: 1 } });
});
