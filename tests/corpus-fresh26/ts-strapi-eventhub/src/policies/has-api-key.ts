import { createHash, timingSafeEqual } from 'crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Partner box-office integrations authenticate with a static key issued per
 * deployment instead of a users-permissions JWT.
 */
export default (policyContext, config, { strapi }) => {
  const provided = policyContext.request.header['x-partner-key'];
  const expected = process.env.PARTNER_API_KEY;

  if (typeof provided !== 'string' || !expected) {
    strapi.log.debug('partner request without a usable key');
    return false;
  }

  return timingSafeEqual(digest(provided), digest(expected));
};
