import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import configuration from './config/configuration';
import { JwtAuthGuard, RolesGuard } from './auth/guards';
import { AuditInterceptor } from './common/interceptors';
import { AuditService, PrismaService } from './common/services';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoicesService } from './invoices/invoices.service';
import { WebhooksController } from './webhooks/webhooks.controller';
import { InternalController } from './internal/internal.controller';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: [configuration], cache: true }),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.getOrThrow<string>('auth.jwtSecret'),
        signOptions: { expiresIn: '15m', issuer: 'billing-api' },
      }),
    }),
  ],
  controllers: [InvoicesController, WebhooksController, InternalController],
  providers: [
    PrismaService,
    AuditService,
    AuditInterceptor,
    InvoicesService,
    RolesGuard,
    // Every route needs a valid JWT unless the handler/controller is @Public().
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
})
export class AppModule {}
