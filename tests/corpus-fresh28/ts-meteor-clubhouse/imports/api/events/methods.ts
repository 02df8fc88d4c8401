import { Meteor } from 'meteor/meteor';
import { check, Match } from 'meteor/check';
import { Random } from 'meteor/random';
import { Roles } from 'meteor/alanning:roles';
import { requireRole, requireUser, safeEqual } from '../lib/auth';
import { Events } from './events';

interface NewEvent {
  title: string;
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  isPublic: boolean;
}

Meteor.methods({
  async 'events.create'(clubId: string, data: NewEvent) {
    check(clubId, String);
    check(data, {
      title: String,
      description: String,
      location: String,
      startsAt: Date,
      endsAt: Date,
      capacity: Match.Integer,
      isPublic: Boolean,
    });
    const userId = await requireRole(this.userId, ['organizer'], clubId);
    if (data.endsAt <= data.startsAt) {
      throw new Meteor.Error('invalid-dates', 'The event must end after it starts');
    }
    return Events.insertAsync({
      ...data,
      clubId,
      doorCode: Random.id(6).toUpperCase(),
      attendees: [],
      checkedIn: [],
      createdBy: userId,
    });
  },

  async 'events.rsvp'(eventId: string) {
    check(eventId, String);
    const userId = requireUser(this.userId);
    const event = await Events.findOneAsync(eventId);
    if (!event) {
      throw new Meteor.Error('not-found', 'No such event');
    }
    if (!(await Roles.userIsInRoleAsync(userId, ['member', 'organizer', 'treasurer'], event.clubId))) {
      throw new Meteor.Error('not-authorized', 'Only club members can RSVP');
    }
    if (event.attendees.length >= event.capacity) {
      throw new Meteor.Error('event-full', 'This event is full');
    }
    return Events.updateAsync(eventId, { $addToSet: { attendees: userId } });
  },

  async 'events.checkIn'(eventId: string, doorCode: string) {
    check(eventId, String);
    check(doorCode, String);
    const userId = requireUser(this.userId);
    const event = await Events.findOneAsync(eventId, { fields: { doorCode: 1, attendees: 1 } });
    if (!event || !safeEqual(event.doorCode, doorCode.trim().toUpperCase())) {
      throw new Meteor.Error('bad-code', 'That code does not match this event');
    }
    if (!event.attendees.includes(userId)) {
      throw new Meteor.Error('no-rsvp', 'RSVP before checking in');
    }
    return Events.updateAsync(eventId, { $addToSet: { checkedIn: userId } });
  },

  async 'events.cancel'(eventId: string) {
    check(eventId, String);
    const event = await Events.findOneAsync(eventId, { fields: { clubId: 1 } });
    if (!event) {
      throw new Meteor.Error('not-found', 'No such event');
    }
    await requireRole(this.userId, ['organizer'], event.clubId);
    return Events.removeAsync(eventId);
  },

  // Removed in 2.4 when RSVPs moved to events.rsvp; kept so old mobile
  // builds get a clear message instead of "method not found".
  async 'events.legacyRsvp'() {
    throw new Meteor.Error('gone', 'Please update the Clubhouse app to RSVP');
  },
});
