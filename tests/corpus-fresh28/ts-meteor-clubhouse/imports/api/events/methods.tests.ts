import { Meteor } from 'meteor/meteor';
import { Accounts } from 'meteor/accounts-base';
import { Roles } from 'meteor/alanning:roles';
import { assert } from 'chai';
import { Events } from './events';
import './methods';

const callAs = (userId: string | null, name: string, ...args: unknown[]) =>
  (Meteor as any).server.method_handlers[name].apply({ userId }, args);

if (Meteor.isServer) {
  describe('events methods', function () {
    const clubId = 'club-harbour';
    let organizerId: string;
    let memberId: string;

    const newEvent = () => ({
      title: 'Spring regatta briefing',
      description: 'Course, safety boats, timings',
      location: 'Clubhouse bar',
      startsAt: new Date('2031-04-02T18:00:00Z'),
      endsAt: new Date('2031-04-02T20:00:00Z'),
      capacity: 2,
      isPublic: false,
    });

    before(async function () {
      for (const role of ['member', 'organizer', 'treasurer', 'admin']) {
        await Roles.createRoleAsync(role, { unlessExists: true });
      }
      organizerId = await Accounts.createUserAsync({ username: `org-${Date.now()}`, password: 'x-test-pass' });
      memberId = await Accounts.createUserAsync({ username: `mem-${Date.now()}`, password: 'x-test-pass' });
      await Roles.addUsersToRolesAsync(organizerId, ['organizer'], clubId);
      await Roles.addUsersToRolesAsync(memberId, ['member'], clubId);
    });

    beforeEach(async function () {
      await Events.removeAsync({});
    });

    it('lets an organizer create an event', async function () {
      const eventId = await callAs(organizerId, 'events.create', clubId, newEvent());
      const stored = await Events.findOneAsync(eventId);
      assert.equal(stored?.clubId, clubId);
      assert.lengthOf(stored!.doorCode, 6);
      assert.deepEqual(stored?.attendees, []);
    });

    it('refuses event creation by a plain member', async function () {
      try {
        await callAs(memberId, 'events.create', clubId, newEvent());
        assert.fail('expected not-authorized');
      } catch (err: any) {
        assert.equal(err.error, 'not-authorized');
      }
      assert.equal(await Events.find().countAsync(), 0);
    });

    it('checks in an attendee with the door code', async function () {
      const eventId = await callAs(organizerId, 'events.create', clubId, newEvent());
      await callAs(memberId, 'events.rsvp', eventId);
      const { doorCode } = (await Events.findOneAsync(eventId))!;

      await callAs(memberId, 'events.checkIn', eventId, doorCode.toLowerCase());

      const stored = await Events.findOneAsync(eventId);
      assert.include(stored!.checkedIn, memberId);
    });
  });
}
