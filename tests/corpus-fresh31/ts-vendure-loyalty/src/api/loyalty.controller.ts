import { Body, Controller, Headers, HttpCode, HttpException, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import { Ctx, Logger, RequestContext, Transaction } from '@vendure/core';
import { createHmac, timingSafeEqual } from 'crypto';
import type { Request } from 'express';

import { IMPORT_KEY_HEADER, loggerCtx, PARTNER_SIGNATURE_HEADER, PLUGIN_INIT_OPTIONS } from '../constants';
import { LoyaltyService, PartnerCreditEvent } from '../service/loyalty.service';
import { LoyaltyPluginOptions } from '../types';

interface ImportRow {
    customerId: string;
    points: number;
    note?: string;
}

@Controller('loyalty')
export class LoyaltyController {
    constructor(
        private loyaltyService: LoyaltyService,
        @Inject(PLUGIN_INIT_OPTIONS) private options: LoyaltyPluginOptions,
    ) {}

    /**
     * Called by PointsHub, which has no Vendure session. The request is
     * authenticated by the HMAC signature over the raw body instead.
     */
    @Post('partner-webhook')
    @HttpCode(204)
    @Transaction()
    async partnerWebhook(
        @Ctx() ctx: RequestContext,
        @Req() req: Request,
        @Headers(PARTNER_SIGNATURE_HEADER) signatureHeader: string | undefined,
    ) {
        const raw = req.body as Buffer;
        const [algorithm, signature] = (signatureHeader ?? '').split('=', 2);
        if (algorithm !== 'sha256' || !signature) {
            throw new HttpException('Missing signature', HttpStatus.UNAUTHORIZED);
        }
        const expected = createHmac('sha256', this.options.pointsHub.webhookSecret).update(raw).digest();
        const given = Buffer.from(signature, 'hex');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
            throw new HttpException('Bad signature', HttpStatus.UNAUTHORIZED);
        }
        const event = JSON.parse(raw.toString('utf8')) as PartnerCreditEvent;
        const applied = await this.loyaltyService.applyPartnerCredit(ctx, event);
        if (!applied) {
            Logger.verbose(`Duplicate PointsHub event ${event.eventId} ignored`, loggerCtx);
        }
    }

    @Post('import')
    @Transaction()
    async importHistorical(
        @Ctx() ctx: RequestContext,
        @Headers(IMPORT_KEY_HEADER) importKey: string | undefined,
        @Body() rows: ImportRow[],
    ) {
        if (!importKey || importKey !== this.options.importApiKey) {
            throw new HttpException('Forbidden', HttpStatus.FORBIDDEN);
        }
        let imported = 0;
        for (const row of rows) {
            await this.loyaltyService.adjustPoints(ctx, row.customerId, row.points, row.note ?? 'ERP import');
            imported++;
        }
        return { imported };
    }
}
