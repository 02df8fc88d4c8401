import { Meteor } from 'meteor/meteor';
import { check } from 'meteor/check';
import { Events, PUBLIC_EVENT_FIELDS } from '../events';

Meteor.publish('events.upcoming', function (clubId: string) {
  if (!this.userId) {
    return this.ready();
  }
  return Events.find(
    { startsAt: { $gte: new Date() } },
    { fields: { doorCode: 0 }, sort: { startsAt: 1 }, limit: 100 }
  );
});

// Feeds the clubs' public websites; no login, only events flagged public,
// and only the fields in PUBLIC_EVENT_FIELDS.
Meteor.publish('events.public', function (clubId: string) {
  check(clubId, String);
  return Events.find(
    { clubId, isPublic: true, startsAt: { $gte: new Date() } },
    { fields: PUBLIC_EVENT_FIELDS, sort: { startsAt: 1 }, limit: 20 }
  );
});
