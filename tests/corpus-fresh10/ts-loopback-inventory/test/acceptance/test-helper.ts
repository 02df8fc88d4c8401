import {
  Client,
  createRestAppClient,
  expect,
  givenHttpServerConfig,
} from '@loopback/testlab';
import {InventoryApplication} from '../../src/application';

export const TEST_API_KEY = 'test-client.changeme';

export async function setupApplication(): Promise<AppWithClient> {
  const restConfig = givenHttpServerConfig({});
  const app = new InventoryApplication({rest: restConfig});

  app.bind('datasources.config.db').to({name: 'db', connector: 'memory'});
  app.bind('config.webhookSecret').to('whsec_test_only');

  await app.boot();
  await app.start();

  const client = createRestAppClient(app);
  return {app, client};
}

export function expectProblem(body: {error?: {statusCode: number}}, status: number) {
  expect(body).to.have.property('error');
  expect(body.error!.statusCode).to.equal(status);
}

export interface AppWithClient {
  app: InventoryApplication;
  client: Client;
}
