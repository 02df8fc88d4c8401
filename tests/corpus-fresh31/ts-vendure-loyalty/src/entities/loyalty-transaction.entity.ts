import { DeepPartial, ID, VendureEntity, EntityId } from '@vendure/core';
import { Column, Entity, Index, ManyToOne } from 'typeorm';

import { LoyaltyAccount } from './loyalty-account.entity';

export type LoyaltyTransactionType = 'EARN' | 'REDEEM' | 'ADJUST' | 'EXPIRE' | 'PARTNER' | 'IMPORT';

@Entity()
export class LoyaltyTransaction extends VendureEntity {
    constructor(input?: DeepPartial<LoyaltyTransaction>) {
        super(input);
    }

    @ManyToOne(type => LoyaltyAccount, account => account.transactions, { onDelete: 'CASCADE' })
    account: LoyaltyAccount;

    @EntityId()
    accountId: ID;

    @Column('varchar')
    type: LoyaltyTransactionType;

    @Column()
    points: number;

    @Column({ nullable: true })
    orderCode: string | null;

    @Index({ unique: true, where: '"externalRef" IS NOT NULL' })
    @Column({ nullable: true })
    externalRef: string | null;

    @Column({ type: 'text', nullable: true })
    note: string | null;

    @Column({ nullable: true })
    administratorId: string | null;

    @Column({ default: false })
    expired: boolean;
}
