import slugify from 'slugify';

export default {
  async beforeCreate(event) {
    const { data } = event.params;
    if (data.title && !data.slug) {
      data.slug = slugify(data.title, { lower: true, strict: true });
    }
  },

  async afterUpdate(event) {
    const { result } = event;
    try {
      await strapi.entityService.create('api::audit-entry.audit-entry', {
        data: {
          subject: `event:${result.id}`,
          action: 'update',
          payload: { title: result.title, capacity: result.capacity, startsAt: result.startsAt },
        },
      });
    } catch (err) {
      // audit trail is best effort
    }
  },

  async afterDelete(event) {
    const { result } = event;
    try {
      await strapi.db.query('api::ticket.ticket').updateMany({
        where: { event: result.id, status: 'valid' },
        data: { status: 'void' },
      });
    } catch (err) {
      strapi.log.error(`failed to void tickets for deleted event ${result.id}`, err);
      throw err;
    }
  },
};
