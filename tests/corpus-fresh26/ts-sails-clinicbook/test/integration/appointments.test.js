const assert = require('assert');
const sails = require('sails');
const supertest = require('supertest');

let patient;
let otherPatient;
let clinician;

function assertJsonError(res, status) {
  assert.strictEqual(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  assert.ok(!res.text.includes('<html'), 'expected a JSON or empty body, not an HTML error page');
}

before(function (done) {
  this.timeout(30000);

  sails.lift({
    hooks: { grunt: false },
    log: { level: 'warn' },
    datastores: { default: { adapter: 'sails-disk', inMemoryOnly: true } },
    models: { migrate: 'drop' },
    custom: {
      opsToken: 'ops-test-token',
      sms: { gatewayUrl: 'http://127.0.0.1:9/messages', apiKey: 'test-key', senderId: 'TEST' },
    },
  }, async (err) => {
    if (err) { return done(err); }
    try {
      const hashed = await sails.helpers.passwords.hashPassword('correct horse battery');
      patient = await User.create({ emailAddress: 'pat@example.test', password: hashed, fullName: 'Pat Doe' }).fetch();
      otherPatient = await User.create({ emailAddress: 'sam@example.test', password: hashed, fullName: 'Sam Roe' }).fetch();
      clinician = await User.create({ emailAddress: 'dr.who@example.test', password: hashed, fullName: 'Dr Who', role: 'clinician' }).fetch();
      return done();
    } catch (seedErr) {
      return done(seedErr);
    }
  });
});

after((done) => {
  sails.lower(done);
});

describe('appointments', () => {
  let agent;

  before(async () => {
    agent = supertest.agent(sails.hooks.http.app);
    await agent
      .put('/api/v1/entrance/login')
      .send({ emailAddress: 'pat@example.test', password: 'correct horse battery' })
      .expect(200);
  });

  it('lists available slots anonymously', () => {
    return supertest(sails.hooks.http.app)
      .get(`/api/v1/slots?clinicianId=${clinician.id}`)
      .expect('Content-Type', /json/)
      .expect(200);
  });

  it('books an appointment for the logged-in patient', async () => {
    await agent
      .post('/api/v1/appointments')
      .send({ clinicianId: clinician.id, startsAt: Date.now() + 86400000, notifyBySms: false });
  });

  it('rejects cancelling another patient\'s appointment', async () => {
    const theirs = await Appointment.create({
      patient: otherPatient.id,
      clinician: clinician.id,
      startsAt: Date.now() + 2 * 86400000,
      status: 'booked',
    }).fetch();

    const res = await agent.delete(`/api/v1/appointments/${theirs.id}`);
    assertJsonError(res, 403);
  });

  it('requires a super admin for the patient export', async () => {
    const res = await agent.get('/api/v1/admin/patients/export');
    assert.strictEqual(res.status, 403);
  });

  it('lets ops tooling export patients with the ops token', async () => {
    const res = await supertest(sails.hooks.http.app)
      .get('/api/v1/admin/patients/export')
      .set('x-ops-token', 'ops-test-token');
    assert.strictEqual(res.status, 200);
    assert.match(res.text.split('\n')[0], /^id,fullName,emailAddress/);
    assert.ok(res.text.includes(patient.emailAddress));
  });
});
