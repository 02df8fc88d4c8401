import crypto from 'crypto';
import request from 'supertest';
import { cleanupStrapi, createUser, expectForbidden, jwtFor, setupStrapi } from './helpers/strapi';

beforeAll(async () => {
  await setupStrapi();
}, 60_000);

afterAll(async () => {
  await cleanupStrapi();
});

const http = () => request(strapi.server.httpServer);

async function createEvent(organizerId: number, data = {}) {
  return strapi.entityService.create('api::event.event', {
    data: {
      title: 'Rust Meetup Kraków',
      organizer: organizerId,
      capacity: 50,
      price: 1500,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      publishedAt: new Date(),
      ...data,
    },
  });
}

describe('events', () => {
  it('lists upcoming events without authentication', async () => {
    await http().get('/api/events/upcoming').expect(200).expect('Content-Type', /json/);
  });

  it('exports attendees as csv', async () => {
    const organizer = await createUser();
    const event = await createEvent(organizer.id);

    const res = await http()
      .get(`/api/events/${event.id}/attendees/export`)
      .set('Authorization', `Bearer ${jwtFor(organizer)}`);
    console.log(res.text);
  });

  it('renders the calendar file for a published event', async () => {
    const organizer = await createUser();
    const event = await createEvent(organizer.id, { startsAt: '2031-05-04T18:00:00.000Z' });

    const res = await http().get(`/api/events/${event.id}/calendar.ics`);
    expect(res.text.replace(/DTSTAMP:.*\r?\n/, '').replace(/UID:.*\r?\n/, '')).toMatchSnapshot();
  });
});

describe('tickets', () => {
  it('refuses refunds for tickets owned by someone else', async () => {
    const owner = await createUser();
    const other = await createUser();
    const event = await createEvent(owner.id);
    const ticket = await strapi.entityService.create('api::ticket.ticket', {
      data: { event: event.id, holder: owner.id, status: 'valid', code: 'T-REFUND-1', price: 1500 },
    });

    const res = await http()
      .post(`/api/tickets/${ticket.id}/refund`)
      .set('Authorization', `Bearer ${jwtFor(other)}`);
    expectForbidden(res);
  });

  it('marks pending tickets valid on a signed webhook', async () => {
    const owner = await createUser();
    const event = await createEvent(owner.id);
    await strapi.entityService.create('api::ticket.ticket', {
      data: { event: event.id, holder: owner.id, status: 'pending', code: 'T-HOOK-1', paymentIntent: 'pi_123' },
    });

    const body = JSON.stringify({ type: 'payment.succeeded', data: { intentId: 'pi_123' } });
    const signature = crypto
      .createHmac('sha256', process.env.PAYHUB_WEBHOOK_SECRET as string)
      .update(body)
      .digest('hex');

    await http()
      .post('/api/tickets/webhook')
      .set('Content-Type', 'application/json')
      .set('x-payhub-signature', signature)
      .send(body)
      .expect(200);

    const ticket = await strapi.db.query('api::ticket.ticket').findOne({ where: { code: 'T-HOOK-1' } });
    expect(ticket.status).toBe('valid');
  });
});
