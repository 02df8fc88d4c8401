import { OnApplicationBootstrap } from '@nestjs/common';
import {
    EventBus,
    Logger,
    OrderStateTransitionEvent,
    PluginCommonModule,
    Type,
    VendurePlugin,
} from '@vendure/core';
import { raw } from 'express';
import { filter } from 'rxjs/operators';

import { adminApiExtensions, shopApiExtensions } from './api/api-extensions';
import { LoyaltyAdminResolver } from './api/loyalty-admin.resolver';
import { LoyaltyController } from './api/loyalty.controller';
import { LoyaltyShopResolver } from './api/loyalty-shop.resolver';
import {
    adjustLoyaltyPermission,
    DEFAULT_EXPIRY_DAYS,
    loggerCtx,
    loyaltyPermission,
    PLUGIN_INIT_OPTIONS,
} from './constants';
import { LoyaltyAccount } from './entities/loyalty-account.entity';
import { LoyaltyTransaction } from './entities/loyalty-transaction.entity';
import { LoyaltyExportService } from './service/loyalty-export.service';
import { LoyaltyService } from './service/loyalty.service';
import { PointsHubClient } from './service/points-hub.client';
import { LoyaltyPluginOptions } from './types';

const DEFAULT_OPTIONS: LoyaltyPluginOptions = {
    pointsPerUnit: 1,
    expiryDays: DEFAULT_EXPIRY_DAYS,
    pointsHub: {
        baseUrl: process.env.POINTSHUB_URL ?? 'https://api.pointshub.io',
        apiKey: process.env.POINTSHUB_API_KEY ?? 'phk_live_7Qm2RrV9xTz4KbN8aLd3Wc6Ye1HsJ5uF',
        webhookSecret: process.env.POINTSHUB_WEBHOOK_SECRET ?? '',
    },
    importApiKey: process.env.LOYALTY_IMPORT_KEY ?? '',
};

@VendurePlugin({
    imports: [PluginCommonModule],
    providers: [
        { provide: PLUGIN_INIT_OPTIONS, useFactory: () => LoyaltyPlugin.options },
        LoyaltyService,
        LoyaltyExportService,
        PointsHubClient,
    ],
    entities: [LoyaltyAccount, LoyaltyTransaction],
    controllers: [LoyaltyController],
    adminApiExtensions: {
        schema: adminApiExtensions,
        resolvers: [LoyaltyAdminResolver],
    },
    shopApiExtensions: {
        schema: shopApiExtensions,
        resolvers: [LoyaltyShopResolver],
    },
    configuration: config => {
        config.authOptions.customPermissions.push(loyaltyPermission, adjustLoyaltyPermission);
        // The partner webhook is signed over the exact bytes PointsHub sent.
        config.apiOptions.middleware.push({
            route: '/loyalty/partner-webhook',
            handler: raw({ type: '*/*', limit: '256kb' }),
            beforeListen: true,
        });
        return config;
    },
    compatibility: '^2.0.0',
})
export class LoyaltyPlugin implements OnApplicationBootstrap {
    static options: LoyaltyPluginOptions = DEFAULT_OPTIONS;

    constructor(
        private eventBus: EventBus,
        private loyaltyService: LoyaltyService,
    ) {}

    static init(options: Partial<LoyaltyPluginOptions>): Type<LoyaltyPlugin> {
        const merged: LoyaltyPluginOptions = {
            ...DEFAULT_OPTIONS,
            ...options,
            pointsHub: { ...DEFAULT_OPTIONS.pointsHub, ...options.pointsHub },
        };
        if (!merged.pointsHub.webhookSecret || merged.pointsHub.webhookSecret === 'changeme') {
            throw new Error('LoyaltyPlugin: pointsHub.webhookSecret must be configured');
        }
        if (merged.importApiKey.length < 24) {
            throw new Error('LoyaltyPlugin: importApiKey must be at least 24 characters');
        }
        this.options = merged;
        return LoyaltyPlugin;
    }

    onApplicationBootstrap() {
        this.eventBus
            .ofType(OrderStateTransitionEvent)
            .pipe(filter(event => event.toState === 'PaymentSettled'))
            .subscribe(event => {
                this.loyaltyService.queueAward(event.ctx, event.order).catch(() => undefined);
            });
        Logger.info(`Loyalty plugin ready (${LoyaltyPlugin.options.pointsPerUnit} pt per unit)`, loggerCtx);
    }
}
