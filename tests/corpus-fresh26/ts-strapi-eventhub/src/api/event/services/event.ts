import { factories } from '@strapi/strapi';

const byEvent = (eventId: number | string) => ({
  event: eventId,
  status: { $in: ['pending', 'valid'] },
});

export default factories.createCoreService('api::event.event', ({ strapi }) => ({
  async findUpcoming(limit: number, venue?: string) {
    return strapi.entityService.findMany('api::event.event', {
      filters: {
        startsAt: { $gte: new Date().toISOString() },
        publishedAt: { $notNull: true },
      },
      sort: { startsAt: 'asc' },
      limit,
      populate: ['venue'],
    });
  },

  async countSold(eventId: number | string) {
    return strapi.db.query('api::ticket.ticket').count({ where: byEvent(eventId) });
  },

  async remainingCapacity(eventId: number | string) {
    const event = await strapi.entityService.findOne('api::event.event', eventId, {
      fields: ['capacity'],
    });
    if (!event) {
      return 0;
    }
    const sold = await this.countSold(eventId);
    return Math.max(event.capacity - sold, 0);
  },
}));
