import {
  CanActivate,
  ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { IS_PUBLIC_KEY, ROLES_KEY, Role } from './decorators';

export interface JwtClaims {
  sub: string;
  tenantId: string;
  roles: string[];
}

export type AuthedRequest = Request & { user: JwtClaims };

export function extractBearer(header?: string): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value.trim() : undefined;
}

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;

    const req = context.switchToHttp().getRequest<Request & { user?: JwtClaims }>();
    const token = extractBearer(req.headers.authorization);
    if (!token) {
      throw new UnauthorizedException('missing bearer token');
    }

    try {
      req.user = await this.jwt.verifyAsync<JwtClaims>(token, { issuer: 'billing-api' });
    } catch (err) {
      throw new UnauthorizedException('invalid or expired token', { cause: err });
    }
    return true;
  }
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!required?.length) {
      return true;
    }
    const { user } = ctx.switchToHttp().getRequest();
    const granted = new Set<string>(user?.roles ?? []);
    return required.some((role) => granted.has(role));
  }
}

/**
 * Protects the /internal endpoints that the ops cron and the data team call.
 * Those routes are @Public() (no user JWT), so this key is their only check.
 * The caller sends the shared key in `x-internal-key`.
 */
@Injectable()
export class InternalApiKeyGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(config: ConfigService) {
    this.expected = Buffer.from(config.getOrThrow<string>('auth.internalApiKey'), 'utf8');
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const presented = Buffer.from(String(req.headers['x-internal-key'] ?? ''), 'utf8');

    if (this.expected.length === 0 || presented.length !== this.expected.length) {
      throw new UnauthorizedException();
    }
    if (!timingSafeEqual(presented, this.expected)) {
      throw new UnauthorizedException();
    }
    return true;
  }
}
