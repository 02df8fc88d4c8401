import {
  injectable,
  Interceptor,
  InvocationContext,
  InvocationResult,
  Provider,
  ValueOrPromise,
  asGlobalInterceptor,
  inject,
} from '@loopback/core';
import {repository} from '@loopback/repository';
import {RestBindings, Request} from '@loopback/rest';
import {SecurityBindings, UserProfile, securityId} from '@loopback/security';
import {AuditEntryRepository} from '../repositories';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Records every mutating request together with the authenticated principal.
 * Read-only requests are skipped to keep the audit table small.
 */
@injectable(asGlobalInterceptor('audit'), {tags: {name: 'audit'}})
export class AuditInterceptor implements Provider<Interceptor> {
  constructor(
    @repository(AuditEntryRepository)
    private audit: AuditEntryRepository,
    @inject(RestBindings.Http.REQUEST, {optional: true})
    private request?: Request,
  ) {}

  value() {
    return this.intercept.bind(this);
  }

  async intercept(
    invocationCtx: InvocationContext,
    next: () => ValueOrPromise<InvocationResult>,
  ) {
    const req = this.request;
    if (!req || !MUTATING.has(req.method)) {
      return next();
    }

    const user = await invocationCtx.get<UserProfile | undefined>(
      SecurityBindings.USER,
      {optional: true},
    );
    const startedAt = Date.now();

    let result: InvocationResult;
    try {
      result = await next();
    } catch (err) {
      console.error(
        `audit: ${req.method} ${req.path} failed for ${user?.[securityId] ?? 'anonymous'}`,
        err,
      );
      throw err;
    }

    this.audit
      .create({
        actor: user?.[securityId] ?? 'anonymous',
        method: req.method,
        path: req.path,
        target: invocationCtx.targetName,
        durationMs: Date.now() - startedAt,
        at: new Date().toISOString(),
      })
      .catch(() => {});

    return result;
  }
}
