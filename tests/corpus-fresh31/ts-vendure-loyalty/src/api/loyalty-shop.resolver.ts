import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
    ActiveOrderService,
    Allow,
    Ctx,
    ForbiddenError,
    ID,
    ListQueryOptions,
    Permission,
    RequestContext,
    Transaction,
    UserInputError,
} from '@vendure/core';

import { LoyaltyTransaction } from '../entities/loyalty-transaction.entity';
import { LoyaltyService } from '../service/loyalty.service';

const TIERS = [
    { code: 'BRONZE', threshold: 0, perks: ['Birthday voucher'] },
    { code: 'SILVER', threshold: 5_000, perks: ['Birthday voucher', 'Free standard shipping'] },
    { code: 'GOLD', threshold: 20_000, perks: ['Birthday voucher', 'Free express shipping', 'Early access'] },
];

@Resolver()
export class LoyaltyShopResolver {
    constructor(
        private loyaltyService: LoyaltyService,
        private activeOrderService: ActiveOrderService,
    ) {}

    @Query()
    @Allow(Permission.Owner)
    activeLoyaltyAccount(@Ctx() ctx: RequestContext) {
        return this.loyaltyService.getAccountForActiveUser(ctx);
    }

    @Query()
    @Allow(Permission.Owner)
    async loyaltyStatement(
        @Ctx() ctx: RequestContext,
        @Args() args: { customerId: ID; options?: ListQueryOptions<LoyaltyTransaction> },
    ) {
        return this.loyaltyService.getStatement(ctx, args.customerId, args.options);
    }

    // The tier ladder is marketing content shown to anonymous visitors too.
    @Query()
    @Allow(Permission.Public)
    loyaltyTiers() {
        return TIERS;
    }

    @Mutation()
    @Transaction()
    @Allow(Permission.Owner)
    async redeemLoyaltyPoints(@Ctx() ctx: RequestContext, @Args() args: { points: number }) {
        const account = await this.loyaltyService.getAccountForActiveUser(ctx);
        if (!account) {
            throw new ForbiddenError();
        }
        const order = await this.activeOrderService.getActiveOrder(ctx, undefined);
        if (!order) {
            throw new UserInputError('There is no active order to redeem points against');
        }
        return this.loyaltyService.redeem(ctx, account.customerId, args.points, order.code);
    }
}
