import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { catchError, tap } from 'rxjs/operators';
import { AuditService } from './services';

const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class LoggingInterceptor implements NestInterceptor {
  private readonly logger = new Logger('http');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest();
    const started = process.hrtime.bigint();
    const label = `${req.method} ${req.originalUrl}`;

    return next.handle().pipe(
      tap(() => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        this.logger.log(`${label} ${ms.toFixed(1)}ms`);
      }),
      catchError((err) => {
        this.logger.warn(`${label} failed: ${err?.message ?? err}`);
        return throwError(() => err);
      }),
    );
  }
}

/**
 * Writes an audit event for every mutating request that succeeds.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest();
    const started = Date.now();

    return next.handle().pipe(
      tap(() => {
        if (READ_ONLY.has(req.method)) return;
        this.audit
          .record({
            actor: req.user?.sub,
            tenantId: req.user?.tenantId,
            action: `${req.method} ${req.route?.path ?? req.path}`,
            target: req.params?.id,
            durationMs: Date.now() - started,
          })
          .catch(() => {});
      }),
    );
  }
}
