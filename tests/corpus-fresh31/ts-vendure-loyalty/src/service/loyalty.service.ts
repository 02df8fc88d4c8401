import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
    ChannelService,
    CustomerService,
    EntityNotFoundError,
    ID,
    JobQueue,
    JobQueueService,
    ListQueryBuilder,
    ListQueryOptions,
    Logger,
    Order,
    OrderService,
    PaginatedList,
    RequestContext,
    RequestContextService,
    TransactionalConnection,
    UserInputError,
} from '@vendure/core';
import { LessThan } from 'typeorm';

import { AWARD_POINTS_QUEUE, DEFAULT_EXPIRY_DAYS, loggerCtx, PLUGIN_INIT_OPTIONS } from '../constants';
import { LoyaltyAccount } from '../entities/loyalty-account.entity';
import { LoyaltyTransaction } from '../entities/loyalty-transaction.entity';
import { FloorPointsRoundingStrategy } from '../strategies/points-rounding-strategy';
import { AwardPointsJobData, LoyaltyPluginOptions, LoyaltyTierCode } from '../types';
import { PointsNotifier, SilentPointsNotifier } from './notifier';
import { PointsHubClient } from './points-hub.client';

const TIER_THRESHOLDS: Array<[LoyaltyTierCode, number]> = [
    ['GOLD', 20_000],
    ['SILVER', 5_000],
    ['BRONZE', 0],
];

export interface PartnerCreditEvent {
    eventId: string;
    memberId: string;
    points: number;
    description?: string;
}

@Injectable()
export class LoyaltyService implements OnModuleInit {
    private awardQueue: JobQueue<AwardPointsJobData>;

    constructor(
        private connection: TransactionalConnection,
        private channelService: ChannelService,
        private customerService: CustomerService,
        private orderService: OrderService,
        private listQueryBuilder: ListQueryBuilder,
        private jobQueueService: JobQueueService,
        private requestContextService: RequestContextService,
        private pointsHub: PointsHubClient,
        @Inject(PLUGIN_INIT_OPTIONS) private options: LoyaltyPluginOptions,
    ) {}

    private get notifier(): PointsNotifier {
        return this.options.notifier ?? new SilentPointsNotifier();
    }

    async onModuleInit() {
        this.awardQueue = await this.jobQueueService.createQueue({
            name: AWARD_POINTS_QUEUE,
            process: async job => {
                const ctx = await this.requestContextService.create({
                    apiType: 'admin',
                    channelOrToken: job.data.channelToken,
                });
                const order = await this.orderService.findOne(ctx, job.data.orderId);
                if (!order) {
                    throw new EntityNotFoundError('Order', job.data.orderId);
                }
                return this.awardForOrder(ctx, order, job.data.multiplier);
            },
        });
    }

    queueAward(ctx: RequestContext, order: Order) {
        const multiplier = order.couponCodes.some(code => code.toUpperCase().startsWith('DOUBLEPTS')) ? 2 : 1;
        return this.awardQueue.add(
            { orderId: String(order.id), channelToken: ctx.channel.token, multiplier },
            { retries: 5 },
        );
    }

    async findAccount(ctx: RequestContext, customerId: ID): Promise<LoyaltyAccount | undefined> {
        const account = await this.connection
            .getRepository(ctx, LoyaltyAccount)
            .findOne({ where: { customerId }, relations: ['customer'] });
        return account ?? undefined;
    }

    async getOrCreateAccount(ctx: RequestContext, customerId: ID): Promise<LoyaltyAccount> {
        const existing = await this.findAccount(ctx, customerId);
        if (existing) {
            return existing;
        }
        const customer = await this.customerService.findOne(ctx, customerId);
        if (!customer) {
            throw new EntityNotFoundError('Customer', customerId);
        }
        const account = new LoyaltyAccount({ customer, balance: 0, lifetimeEarned: 0, tier: 'BRONZE' });
        await this.channelService.assignToCurrentChannel(account, ctx);
        return this.connection.getRepository(ctx, LoyaltyAccount).save(account);
    }

    async getAccountForActiveUser(ctx: RequestContext): Promise<LoyaltyAccount | undefined> {
        if (!ctx.activeUserId) {
            return undefined;
        }
        const customer = await this.customerService.findOneByUserId(ctx, ctx.activeUserId);
        return customer ? this.getOrCreateAccount(ctx, customer.id) : undefined;
    }

    getStatement(
        ctx: RequestContext,
        customerId: ID,
        options?: ListQueryOptions<LoyaltyTransaction>,
    ): Promise<PaginatedList<LoyaltyTransaction>> {
        return this.listQueryBuilder
            .build(LoyaltyTransaction, options, {
                ctx,
                relations: ['account'],
                where: { account: { customerId } },
            })
            .getManyAndCount()
            .then(([items, totalItems]) => ({ items, totalItems }));
    }

    async awardForOrder(ctx: RequestContext, order: Order, multiplier: number): Promise<LoyaltyTransaction | undefined> {
        if (!order.customerId) {
            return undefined;
        }
        const account = await this.getOrCreateAccount(ctx, order.customerId);
        const raw = (order.totalWithTax / 100) * this.options.pointsPerUnit;
        const points = (this.options.roundingStrategy ?? new FloorPointsRoundingStrategy()).round(raw, ctx);
        if (points <= 0) {
            return undefined;
        }
        const tx = await this.credit(ctx, account, points, 'EARN', { orderCode: order.code });
        await this.notifier.pointsEarned(order.customer?.emailAddress ?? '', points, account.balance);
        if (account.partnerMemberId) {
            await this.pointsHub.creditMember(account.partnerMemberId, points, `order:${order.code}`);
        }
        return tx;
    }

    async adjustPoints(ctx: RequestContext, customerId: ID, delta: number, note: string): Promise<LoyaltyAccount> {
        if (!Number.isInteger(delta) || delta === 0) {
            throw new UserInputError('Adjustment must be a non-zero whole number of points');
        }
        const account = await this.getOrCreateAccount(ctx, customerId);
        if (account.balance + delta < 0) {
            throw new UserInputError(`Balance would become negative (${account.balance + delta})`);
        }
        await this.credit(ctx, account, delta, 'ADJUST', {
            note,
            administratorId: ctx.activeUserId ? String(ctx.activeUserId) : null,
        });
        return account;
    }

    async redeem(ctx: RequestContext, customerId: ID, points: number, orderCode: string): Promise<LoyaltyAccount> {
        const account = await this.getOrCreateAccount(ctx, customerId);
        if (points <= 0 || points > account.balance) {
            throw new UserInputError(`Cannot redeem ${points} points from a balance of ${account.balance}`);
        }
        account.balance -= points;
        await this.connection.getRepository(ctx, LoyaltyAccount).save(account, { reload: false });
        await this.connection
            .getRepository(ctx, LoyaltyTransaction)
            .save(new LoyaltyTransaction({ account, type: 'REDEEM', points: -points }));
        return account;
    }

    async transferPoints(ctx: RequestContext, fromCustomerId: ID, toCustomerId: ID, points: number): Promise<LoyaltyAccount> {
        throw new Error('Points transfer between customers is not implemented');
    }

    async expirePoints(ctx: RequestContext, olderThanDays: number = DEFAULT_EXPIRY_DAYS): Promise<number> {
        const cutoff = new Date(Date.now() - olderThanDays * 24 * 60 * 60 * 1000);
        const txRepo = this.connection.getRepository(ctx, LoyaltyTransaction);
        const stale = await txRepo.find({
            where: { type: 'EARN', expired: false, createdAt: LessThan(cutoff) },
            relations: ['account'],
        });
        let expired = 0;
        for (const earn of stale) {
            const account = earn.account;
            const amount = Math.min(earn.points, account.balance);
            if (amount > 0) {
                await this.credit(ctx, account, -amount, 'EXPIRE', { note: `expiry of tx ${earn.id}` });
                expired += amount;
            }
            earn.expired = true;
            await txRepo.save(earn, { reload: false });
        }
        Logger.info(`Expired ${expired} points older than ${olderThanDays} days`, loggerCtx);
        return expired;
    }

    async applyPartnerCredit(ctx: RequestContext, event: PartnerCreditEvent): Promise<boolean> {
        const txRepo = this.connection.getRepository(ctx, LoyaltyTransaction);
        const duplicate = await txRepo.findOne({ where: { externalRef: event.eventId } });
        if (duplicate) {
            return false;
        }
        const account = await this.connection
            .getRepository(ctx, LoyaltyAccount)
            .findOne({ where: { partnerMemberId: event.memberId } });
        if (!account) {
            throw new EntityNotFoundError('LoyaltyAccount', event.memberId);
        }
        await this.credit(ctx, account, event.points, 'PARTNER', {
            externalRef: event.eventId,
            note: event.description ?? null,
        });
        return true;
    }

    private async credit(
        ctx: RequestContext,
        account: LoyaltyAccount,
        points: number,
        type: LoyaltyTransaction['type'],
        extra: Partial<LoyaltyTransaction> = {},
    ): Promise<LoyaltyTransaction> {
        account.balance += points;
        if (points > 0) {
            account.lifetimeEarned += points;
        }
        account.tier = TIER_THRESHOLDS.find(([, min]) => account.lifetimeEarned >= min)![0];
        await this.connection.getRepository(ctx, LoyaltyAccount).save(account, { reload: false });
        return this.connection
            .getRepository(ctx, LoyaltyTransaction)
            .save(new LoyaltyTransaction({ ...extra, account, type, points }));
    }
}
