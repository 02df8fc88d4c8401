import {AuthenticationStrategy} from '@loopback/authentication';
import {inject} from '@loopback/core';
import {repository} from '@loopback/repository';
import {HttpErrors, Request} from '@loopback/rest';
import {securityId, UserProfile} from '@loopback/security';
import {createHash, timingSafeEqual} from 'crypto';
import {ApiClientRepository} from '../repositories';

const HEADER = 'x-api-key';

export class ApiKeyStrategy implements AuthenticationStrategy {
  name = 'api-key';

  constructor(
    @repository(ApiClientRepository)
    private clients: ApiClientRepository,
    @inject('logger', {optional: true})
    private log: Pick<Console, 'warn'> = console,
  ) {}

  async authenticate(request: Request): Promise<UserProfile | undefined> {
    const raw = request.header(HEADER);
    if (!raw) {
      throw new HttpErrors.Unauthorized(`Missing ${HEADER} header`);
    }

    const [clientId, secret] = raw.split('.', 2);
    if (!clientId || !secret) {
      throw new HttpErrors.Unauthorized('Malformed API key');
    }

    const client = await this.clients.findOne({where: {clientId, active: true}});
    if (!client) {
      this.log.warn(`unknown api client ${clientId}`);
      throw new HttpErrors.Unauthorized('Invalid API key');
    }

    const presented = createHash('sha256').update(secret).digest();
    const stored = Buffer.from(client.secretHash, 'hex');
    if (stored.length !== presented.length || !timingSafeEqual(stored, presented)) {
      throw new HttpErrors.Unauthorized('Invalid API key');
    }

    return {
      [securityId]: client.clientId,
      name: client.name,
      roles: client.roles ?? [],
    };
  }
}
