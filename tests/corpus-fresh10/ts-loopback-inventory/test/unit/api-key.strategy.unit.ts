import {expect, sinon, stubExpressContext} from '@loopback/testlab';
import {createHash} from 'crypto';
import {ApiKeyStrategy} from '../../src/auth/api-key.strategy';
import {ApiClientRepository} from '../../src/repositories';

describe('ApiKeyStrategy (unit)', () => {
  const secret = 'changeme';
  let clients: sinon.SinonStubbedInstance<ApiClientRepository>;
  let strategy: ApiKeyStrategy;

  beforeEach(() => {
    clients = sinon.createStubInstance(ApiClientRepository);
    clients.findOne.resolves({
      clientId: 'svc-picker',
      name: 'Picker service',
      active: true,
      roles: ['inventory-writer'],
      secretHash: createHash('sha256').update(secret).digest('hex'),
    } as never);
    strategy = new ApiKeyStrategy(clients, {warn: () => undefined});
  });

  function requestWith(key?: string) {
    const ctx = stubExpressContext({
      url: '/products',
      headers: key ? {'x-api-key': key} : {},
    });
    return ctx.request;
  }

  it('returns a profile for a valid key', async () => {
    const profile = await strategy.authenticate(requestWith(`svc-picker.${secret}`));
    expect(profile).to.containDeep({name: 'Picker service', roles: ['inventory-writer']});
  });

  it('rejects a wrong secret', async () => {
    await expect(
      strategy.authenticate(requestWith('svc-picker.wrong')),
    ).to.be.rejectedWith(/Invalid API key/);
  });

  it('rejects a missing header', () => {
    return expect(strategy.authenticate(requestWith())).to.be.rejected();
  });

  it('looks up only active clients', async () => {
    await strategy.authenticate(requestWith(`svc-picker.${secret}`));
    sinon.assert.calledWithMatch(clients.findOne, {where: {clientId: 'svc-picker', active: true}});
  });
});
