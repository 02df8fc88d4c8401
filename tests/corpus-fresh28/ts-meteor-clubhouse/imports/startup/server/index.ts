import { Meteor } from 'meteor/meteor';
import { Roles } from 'meteor/alanning:roles';
import { Events } from '../../api/events/events';
import { Invites, Members } from '../../api/members/members';
import { Payments } from '../../api/payments/payments';
import { createLogger } from '../../api/lib/logger';
import { registerJobs } from './cron';

import '../../api/members/methods';
import '../../api/members/server/publications';
import '../../api/events/methods';
import '../../api/events/server/publications';
import '../../api/payments/server';

const log = createLogger('startup');

Meteor.startup(async () => {
  for (const role of ['member', 'organizer', 'treasurer', 'admin']) {
    await Roles.createRoleAsync(role, { unlessExists: true });
  }

  await Members.createIndexAsync({ clubId: 1, userId: 1 }, { unique: true });
  await Invites.createIndexAsync({ expiresAt: 1 }, { expireAfterSeconds: 30 * 24 * 3600 });
  await Events.createIndexAsync({ clubId: 1, startsAt: 1 });
  await Payments.createIndexAsync({ clubId: 1, createdAt: -1 });

  registerJobs();
  log.info('clubhouse server started', { root: Meteor.absoluteUrl() });
});
