import type { HttpRequest } from '@azure/functions';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { config } from '../config';
import { HttpError } from './http';

export type Role = 'Invoices.Read' | 'Invoices.Write' | 'Billing.Admin';

export interface Caller {
  oid: string;
  name?: string;
  roles: Role[];
  customerId?: string;
}

let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

function keys() {
  jwks ??= createRemoteJWKSet(
    new URL(`https://login.microsoftonline.com/${config().tenantId}/discovery/v2.0/keys`),
  );
  return jwks;
}

export async function authenticate(request: HttpRequest, ...required: Role[]): Promise<Caller> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  if (!match) throw new HttpError(401, 'Unauthorized', 'missing bearer token');

  let payload: JWTPayload & { roles?: string[]; oid?: string; tid?: string; name?: string; extn_customer?: string };
  try {
    ({ payload } = await jwtVerify(match[1], keys(), {
      issuer: `https://login.microsoftonline.com/${config().tenantId}/v2.0`,
      audience: config().audience,
    }));
  } catch {
    throw new HttpError(401, 'Unauthorized', 'invalid token');
  }
  if (payload.tid !== config().tenantId || !payload.oid) {
    throw new HttpError(401, 'Unauthorized', 'wrong tenant');
  }

  const roles = (payload.roles ?? []) as Role[];
  for (const role of required) {
    if (!roles.includes(role)) throw new HttpError(403, 'Forbidden', `requires ${role}`);
  }
  return { oid: payload.oid, name: payload.name, roles, customerId: payload.extn_customer };
}

export function canSeeCustomer(caller: Caller, customerId: string): boolean {
  return caller.roles.includes('Billing.Admin') || caller.customerId === customerId;
}
