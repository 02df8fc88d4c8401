import { mergeConfig } from '@vendure/core';
import {
    createTestEnvironment,
    registerInitializer,
    SimpleGraphQLClient,
    SqljsInitializer,
    testConfig,
} from '@vendure/testing';
import gql from 'graphql-tag';
import path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LoyaltyPlugin } from '../src/loyalty.plugin';
import { initialData } from './fixtures/initial-data';
import {
    ACTIVE_LOYALTY_ACCOUNT,
    ADD_ITEM_TO_ORDER,
    ADJUST_POINTS,
    LOYALTY_ACCOUNT,
    LOYALTY_TIERS,
    REDEEM_POINTS,
} from './graphql/operations';

registerInitializer('sqljs', new SqljsInitializer(path.join(__dirname, '__data__')));

const CUSTOMER_PASSWORD = 'test';

describe('LoyaltyPlugin', () => {
    const { server, adminClient, shopClient } = createTestEnvironment(
        mergeConfig(testConfig, {
            apiOptions: { port: 3057 },
            plugins: [
                LoyaltyPlugin.init({
                    pointsPerUnit: 10,
                    pointsHub: {
                        baseUrl: 'http://localhost:3058',
                        apiKey: 'test-api-key',
                        webhookSecret: 'test-webhook-secret',
                    },
                    importApiKey: 'e2e-import-key-0000000000000',
                }),
            ],
        }),
    );

    let customerEmail: string;
    let customerId: string;

    beforeAll(async () => {
        await server.init({
            initialData,
            productsCsvPath: path.join(__dirname, 'fixtures/products.csv'),
            customerCount: 2,
        });
        await adminClient.asSuperAdmin();
        const { customers } = await adminClient.query(gql`
            query {
                customers(options: { take: 1 }) {
                    items {
                        id
                        emailAddress
                    }
                }
            }
        `);
        customerId = customers.items[0].id;
        customerEmail = customers.items[0].emailAddress;
    }, 120_000);

    afterAll(async () => {
        await server.destroy();
    });

    async function expectShopBalance(client: SimpleGraphQLClient, balance: number) {
        const { activeLoyaltyAccount } = await client.query(ACTIVE_LOYALTY_ACCOUNT);
        expect(activeLoyaltyAccount.balance).toBe(balance);
    }

    it('lists tiers to anonymous visitors', async () => {
        await shopClient.asAnonymousUser();
        const { loyaltyTiers } = await shopClient.query(LOYALTY_TIERS);
        expect(loyaltyTiers.map((t: any) => t.code)).toEqual(['BRONZE', 'SILVER', 'GOLD']);
    });

    it('credits points through an admin adjustment', async () => {
        await adminClient.query(ADJUST_POINTS, { customerId, delta: 600, note: 'goodwill' });
        await shopClient.asUserWithCredentials(customerEmail, CUSTOMER_PASSWORD);
        await expectShopBalance(shopClient, 600);
    });

    it('rejects an adjustment that would go negative', async () => {
        await expect(
            adminClient.query(ADJUST_POINTS, { customerId, delta: -10_000, note: 'too much' }),
        ).rejects.toThrow(/Balance would become negative/);
    });

    it('redeems points against the active order', async () => {
        await shopClient.asUserWithCredentials(customerEmail, CUSTOMER_PASSWORD);
        await shopClient.query(ADD_ITEM_TO_ORDER, { productVariantId: 'T_1', quantity: 1 });
        await shopClient.query(REDEEM_POINTS, { points: 100 });
    });

    it('shows the account to admins', async () => {
        const { loyaltyAccount } = await adminClient.query(LOYALTY_ACCOUNT, { customerId });
        expect(loyaltyAccount).toMatchObject({ tier: 'BRONZE' });
    });
});
