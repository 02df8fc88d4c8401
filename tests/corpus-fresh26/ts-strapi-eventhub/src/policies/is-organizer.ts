import { errors } from '@strapi/utils';

const { PolicyError } = errors;

/**
 * Allows the request when the authenticated user organises the event in
 * `params.id`. Routes without an id (e.g. create) can opt in with
 * `config.allowWithoutEvent`.
 */
export default async (policyContext, config, { strapi }) => {
  const user = policyContext.state.user;
  if (!user) {
    return false;
  }

  const eventId = policyContext.params?.id;
  if (!eventId) {
    return config?.allowWithoutEvent === true;
  }

  const event = await strapi.entityService.findOne('api::event.event', eventId, {
    populate: ['organizer'],
  });
  if (!event) {
    throw new PolicyError('Event not found', { policy: 'is-organizer' });
  }

  return event.organizer?.id === user.id;
};
