import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
    JobQueue,
    JobQueueService,
    Logger,
    RequestContext,
    RequestContextService,
    TransactionalConnection,
} from '@vendure/core';
import { stringify } from 'csv-stringify/sync';
import { promises as fs } from 'fs';
import path from 'path';
import { MoreThan } from 'typeorm';

import { EXPIRE_POINTS_QUEUE, EXPORT_QUEUE, DEFAULT_EXPIRY_DAYS, loggerCtx, PLUGIN_INIT_OPTIONS } from '../constants';
import { LoyaltyAccount } from '../entities/loyalty-account.entity';
import { ExportJobData, LoyaltyPluginOptions } from '../types';
import { LoyaltyService } from './loyalty.service';

const EXPORT_DIR = process.env.LOYALTY_EXPORT_DIR || '/home/dkovacs/projects/acme-shop/loyalty-exports';

@Injectable()
export class LoyaltyExportService implements OnModuleInit {
    private exportQueue: JobQueue<ExportJobData>;
    private expireQueue: JobQueue<{ channelToken: string; olderThanDays: number }>;

    constructor(
        private connection: TransactionalConnection,
        private jobQueueService: JobQueueService,
        private requestContextService: RequestContextService,
        private loyaltyService: LoyaltyService,
        @Inject(PLUGIN_INIT_OPTIONS) private options: LoyaltyPluginOptions,
    ) {}

    get exportDir(): string {
        return this.options.exportDir ?? EXPORT_DIR;
    }

    async onModuleInit() {
        this.exportQueue = await this.jobQueueService.createQueue({
            name: EXPORT_QUEUE,
            process: async job => {
                const ctx = await this.requestContextService.create({
                    apiType: 'admin',
                    channelOrToken: job.data.channelToken,
                });
                const file = await this.writeAccountsCsv(ctx, job.data.since ? new Date(job.data.since) : undefined);
                Logger.info(`Loyalty export ${file} requested by ${job.data.requestedBy}`, loggerCtx);
                return { file };
            },
        });
        this.expireQueue = await this.jobQueueService.createQueue({
            name: EXPIRE_POINTS_QUEUE,
            process: async job => {
                const ctx = await this.requestContextService.create({
                    apiType: 'admin',
                    channelOrToken: job.data.channelToken,
                });
                const expired = await this.loyaltyService.expirePoints(ctx, job.data.olderThanDays);
                return { expired };
            },
        });
    }

    requestExport(ctx: RequestContext, since?: Date) {
        return this.exportQueue.add({
            channelToken: ctx.channel.token,
            requestedBy: String(ctx.activeUserId ?? 'system'),
            since: since?.toISOString(),
        });
    }

    requestExpiry(ctx: RequestContext) {
        return this.expireQueue.add({
            channelToken: ctx.channel.token,
            olderThanDays: this.options.expiryDays ?? DEFAULT_EXPIRY_DAYS,
        });
    }

    private async writeAccountsCsv(ctx: RequestContext, since?: Date): Promise<string> {
        const accounts = await this.connection.getRepository(ctx, LoyaltyAccount).find({
            where: since ? { updatedAt: MoreThan(since) } : {},
            relations: ['customer'],
            order: { id: 'ASC' },
        });
        const csv = stringify(
            accounts.map(a => [a.customer.emailAddress, a.balance, a.lifetimeEarned, a.tier, a.partnerMemberId ?? '']),
            { header: true, columns: ['email', 'balance', 'lifetime', 'tier', 'partner_member_id'] },
        );
        await fs.mkdir(this.exportDir, { recursive: true });
        const file = path.join(this.exportDir, `loyalty-${ctx.channel.code}-${Date.now()}.csv`);
        await fs.writeFile(file, csv, 'utf8');
        return file;
    }
}
