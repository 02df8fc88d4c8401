import Strapi from '@strapi/strapi';
import fs from 'fs';

let instance;

// The PayHub sandbox used by the integration suite runs with a self-signed
// certificate; this only affects the jest process.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
process.env.PAYHUB_WEBHOOK_SECRET = 'whsec_local_test_only';

export async function setupStrapi() {
  if (!instance) {
    await Strapi({ distDir: './dist' }).load();
    instance = strapi;
    await instance.server.mount();
  }
  return instance;
}

export async function cleanupStrapi() {
  const dbSettings = strapi.config.get('database.connection');
  await strapi.server.httpServer.close();
  await strapi.db.connection.destroy();

  const filename = dbSettings?.connection?.filename;
  if (filename && fs.existsSync(filename)) {
    fs.unlinkSync(filename);
  }
}

let counter = 0;

export async function createUser(overrides = {}) {
  counter += 1;
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });

  return strapi.plugins['users-permissions'].services.user.add({
    username: `user${counter}`,
    email: `user${counter}@example.test`,
    password: 'Test-password-1',
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
    ...overrides,
  });
}

export function jwtFor(user) {
  return strapi.plugins['users-permissions'].services.jwt.issue({ id: user.id });
}

export function expectForbidden(res) {
  expect(res.status).toBe(403);
  expect(res.body.error?.name).toBe('ForbiddenError');
}
