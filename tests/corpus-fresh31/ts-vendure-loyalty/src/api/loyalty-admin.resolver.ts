import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, ID, ListQueryOptions, RequestContext, Transaction } from '@vendure/core';

import { LoyaltyTransaction } from '../entities/loyalty-transaction.entity';
import { adjustLoyaltyPermission, loyaltyPermission } from '../constants';
import { LoyaltyExportService } from '../service/loyalty-export.service';
import { LoyaltyService } from '../service/loyalty.service';

@Resolver()
export class LoyaltyAdminResolver {
    constructor(
        private loyaltyService: LoyaltyService,
        private exportService: LoyaltyExportService,
    ) {}

    @Query()
    @Allow(loyaltyPermission.Read)
    loyaltyAccount(@Ctx() ctx: RequestContext, @Args() args: { customerId: ID }) {
        return this.loyaltyService.findAccount(ctx, args.customerId);
    }

    @Query()
    @Allow(loyaltyPermission.Read)
    loyaltyTransactions(
        @Ctx() ctx: RequestContext,
        @Args() args: { customerId: ID; options?: ListQueryOptions<LoyaltyTransaction> },
    ) {
        return this.loyaltyService.getStatement(ctx, args.customerId, args.options);
    }

    @Mutation()
    @Transaction()
    @Allow(adjustLoyaltyPermission.Permission)
    adjustLoyaltyPoints(
        @Ctx() ctx: RequestContext,
        @Args() args: { customerId: ID; delta: number; note: string },
    ) {
        return this.loyaltyService.adjustPoints(ctx, args.customerId, args.delta, args.note);
    }

    @Mutation()
    @Transaction()
    @Allow(adjustLoyaltyPermission.Permission)
    transferLoyaltyPoints(
        @Ctx() ctx: RequestContext,
        @Args() args: { fromCustomerId: ID; toCustomerId: ID; points: number },
    ) {
        return this.loyaltyService.transferPoints(ctx, args.fromCustomerId, args.toCustomerId, args.points);
    }

    @Mutation()
    @Transaction()
    async expireLoyaltyPoints(@Ctx() ctx: RequestContext) {
        await this.exportService.requestExpiry(ctx);
        return true;
    }

    @Mutation()
    @Allow(loyaltyPermission.Read)
    async exportLoyaltyAccounts(@Ctx() ctx: RequestContext, @Args() args: { since?: Date }) {
        await this.exportService.requestExport(ctx, args.since);
        return true;
    }
}
