import { Customer, DeepPartial, ID, VendureEntity, EntityId, ChannelAware, Channel } from '@vendure/core';
import { Column, Entity, Index, JoinTable, ManyToMany, ManyToOne, OneToMany } from 'typeorm';

import { LoyaltyTierCode } from '../types';
import { LoyaltyTransaction } from './loyalty-transaction.entity';

@Entity()
export class LoyaltyAccount extends VendureEntity implements ChannelAware {
    constructor(input?: DeepPartial<LoyaltyAccount>) {
        super(input);
    }

    @Index({ unique: true })
    @ManyToOne(type => Customer, { onDelete: 'CASCADE' })
    customer: Customer;

    @EntityId()
    customerId: ID;

    @Column({ default: 0 })
    balance: number;

    @Column({ default: 0 })
    lifetimeEarned: number;

    @Column('varchar', { default: 'BRONZE' })
    tier: LoyaltyTierCode;

    @Column({ nullable: true })
    partnerMemberId: string | null;

    @ManyToMany(type => Channel)
    @JoinTable()
    channels: Channel[];

    @OneToMany(type => LoyaltyTransaction, tx => tx.account)
    transactions: LoyaltyTransaction[];
}
