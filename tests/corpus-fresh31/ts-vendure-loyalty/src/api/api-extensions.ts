import gql from 'graphql-tag';

const commonTypes = gql`
    enum LoyaltyTier {
        BRONZE
        SILVER
        GOLD
    }

    type LoyaltyAccount implements Node {
        id: ID!
        updatedAt: DateTime!
        balance: Int!
        lifetimeEarned: Int!
        tier: LoyaltyTier!
    }

    type LoyaltyTransaction implements Node {
        id: ID!
        createdAt: DateTime!
        type: String!
        points: Int!
        orderCode: String
        note: String
    }

    type LoyaltyTransactionList implements PaginatedList {
        items: [LoyaltyTransaction!]!
        totalItems: Int!
    }

    input LoyaltyTransactionListOptions
`;

export const adminApiExtensions = gql`
    ${commonTypes}

    extend type Query {
        loyaltyAccount(customerId: ID!): LoyaltyAccount
        loyaltyTransactions(customerId: ID!, options: LoyaltyTransactionListOptions): LoyaltyTransactionList!
    }

    extend type Mutation {
        adjustLoyaltyPoints(customerId: ID!, delta: Int!, note: String!): LoyaltyAccount!
        transferLoyaltyPoints(fromCustomerId: ID!, toCustomerId: ID!, points: Int!): LoyaltyAccount!
        expireLoyaltyPoints: Boolean!
        exportLoyaltyAccounts(since: DateTime): Boolean!
    }
`;

export const shopApiExtensions = gql`
    ${commonTypes}

    type LoyaltyTierInfo {
        code: LoyaltyTier!
        threshold: Int!
        perks: [String!]!
    }

    extend type Query {
        activeLoyaltyAccount: LoyaltyAccount
        loyaltyStatement(customerId: ID!, options: LoyaltyTransactionListOptions): LoyaltyTransactionList!
        loyaltyTiers: [LoyaltyTierInfo!]!
    }

    extend type Mutation {
        redeemLoyaltyPoints(points: Int!): LoyaltyAccount!
    }
`;
