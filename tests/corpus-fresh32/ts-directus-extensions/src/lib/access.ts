import { ForbiddenError } from '@directus/errors';
import type { Accountability } from '@directus/types';
import type { NextFunction, Request, Response } from 'express';

export type AccountableRequest = Request & { accountability?: Accountability | null };

export const SHIPPING_ROLE_NAMES = ['Shipping Manager', 'Warehouse Lead'];

export function requireAuthenticated(req: AccountableRequest, _res: Response, next: NextFunction): void {
	if (!req.accountability?.user) {
		next(new ForbiddenError());
		return;
	}
	next();
}

export function isAdmin(req: AccountableRequest): boolean {
	return req.accountability?.admin === true;
}

export function requireAdmin(req: AccountableRequest): void {
	if (!isAdmin(req)) {
		throw new ForbiddenError();
	}
}

export function requireShippingRole(req: AccountableRequest, shippingRoleIds: string[]): void {
	const accountability = req.accountability;
	if (accountability?.admin) return;
	if (!accountability?.role || !shippingRoleIds.includes(accountability.role)) {
		throw new ForbiddenError();
	}
}
