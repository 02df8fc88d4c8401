import { ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InternalApiKeyGuard, JwtAuthGuard, RolesGuard } from '../src/auth/guards';

function httpContext(req: Record<string, unknown>): ExecutionContext {
  return {
    switchToHttp: () => ({ getRequest: () => req }),
    getHandler: () => () => undefined,
    getClass: () => class {},
  } as unknown as ExecutionContext;
}

async function expectDenied(guard: { canActivate(ctx: ExecutionContext): unknown }, ctx: ExecutionContext) {
  let allowed: unknown;
  try {
    allowed = await guard.canActivate(ctx);
  } catch (err) {
    expect(err).toBeHttpError(401);
    return;
  }
  expect(allowed).toBe(false);
}

describe('RolesGuard', () => {
  const reflector = { getAllAndOverride: jest.fn() } as unknown as Reflector;
  const guard = new RolesGuard(reflector);

  it('denies a viewer on billing routes (role guard)', async () => {
    (reflector.getAllAndOverride as jest.Mock).mockReturnValue(['billing', 'admin']);
    await expectDenied(guard, httpContext({ user: { roles: ['viewer'] } }));
  });

  it('allows billing users', () => {
    (reflector.getAllAndOverride as jest.Mock).mockReturnValue(['billing']);
    expect(guard.canActivate(httpContext({ user: { roles: ['billing'] } }))).toBe(true);
  });
});

describe('JwtAuthGuard', () => {
  it('rejects a request without a bearer token', async () => {
    const reflector = { getAllAndOverride: () => false } as unknown as Reflector;
    const guard = new JwtAuthGuard(new JwtService({ secret: 'test-secret' }), reflector);
    await expectDenied(guard, httpContext({ headers: {} }));
  });
});

describe('InternalApiKeyGuard', () => {
  const config = { getOrThrow: () => 'k3y-for-tests-only' } as unknown as ConfigService;

  it('accepts the configured key', () => {
    const guard = new InternalApiKeyGuard(config);
    expect(guard.canActivate(httpContext({ headers: { 'x-internal-key': 'k3y-for-tests-only' } }))).toBe(true);
  });

  it('rejects a wrong key of the same length', () => {
    const guard = new InternalApiKeyGuard(config);
    expect(() =>
      guard.canActivate(httpContext({ headers: { 'x-internal-key': 'k3y-for-tests-onlX' } })),
    ).toThrow(UnauthorizedException);
  });
});
