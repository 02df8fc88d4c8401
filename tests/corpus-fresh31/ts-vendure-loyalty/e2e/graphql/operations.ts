import gql from 'graphql-tag';

export const ACTIVE_LOYALTY_ACCOUNT = gql`
    query ActiveLoyaltyAccount {
        activeLoyaltyAccount {
            id
            balance
            lifetimeEarned
            tier
        }
    }
`;

export const LOYALTY_TIERS = gql`
    query LoyaltyTiers {
        loyaltyTiers {
            code
            threshold
        }
    }
`;

export const REDEEM_POINTS = gql`
    mutation RedeemPoints($points: Int!) {
        redeemLoyaltyPoints(points: $points) {
            id
            balance
        }
    }
`;

export const ADJUST_POINTS = gql`
    mutation AdjustPoints($customerId: ID!, $delta: Int!, $note: String!) {
        adjustLoyaltyPoints(customerId: $customerId, delta: $delta, note: $note) {
            id
            balance
            tier
        }
    }
`;

export const LOYALTY_ACCOUNT = gql`
    query LoyaltyAccount($customerId: ID!) {
        loyaltyAccount(customerId: $customerId) {
            id
            balance
            tier
        }
    }
`;

export const ADD_ITEM_TO_ORDER = gql`
    mutation AddItemToOrder($productVariantId: ID!, $quantity: Int!) {
        addItemToOrder(productVariantId: $productVariantId, quantity: $quantity) {
            ... on Order {
                id
                code
                totalWithTax
            }
        }
    }
`;
