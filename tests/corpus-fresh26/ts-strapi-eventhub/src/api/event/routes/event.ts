import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::event.event', {
  config: {
    find: {
      auth: false,
    },
    findOne: {
      auth: false,
    },
    create: {
      policies: [{ name: 'global::is-organizer', config: { allowWithoutEvent: true } }],
    },
    update: {
      policies: ['global::is-organizer'],
    },
    delete: {
      policies: ['global::is-organizer'],
    },
  },
});
