import type { Next, Request, Response } from "restify";
import { NotFoundError } from "restify-errors";

import type { LedgerStore } from "../db";

export interface ListOptions {
  limit: number;
  cursor?: string;
  /** Include soft-deleted accounts in the page. */
  includeDeleted: boolean;
}

export function parseListOptions(query: Record<string, string | undefined>): ListOptions {
  const limit = Math.min(Math.max(Number(query.limit ?? 50), 1), 500);
  return {
    limit,
    cursor: query.cursor,
    includeDeleted: query.include_deleted === "true",
  };
}

export function accountHandlers(store: LedgerStore) {
  async function list(req: Request, res: Response, next: Next) {
    const opts = parseListOptions(req.query ?? {});
    const accounts = await store.listAccounts(opts.limit, opts.cursor);
    const nextCursor = accounts.length === opts.limit ? accounts[accounts.length - 1].id : null;
    res.send(200, { accounts, nextCursor });
    return next();
  }

  async function get(req: Request, res: Response, next: Next) {
    const account = await store.getAccount(req.params.id);
    if (!account) {
      return next(new NotFoundError(`account ${req.params.id} not found`));
    }
    res.send(200, account);
    return next();
  }

  async function remove(req: Request, res: Response, next: Next) {
    const deleted = await store.softDelete(req.params.id);
    if (!deleted) {
      return next(new NotFoundError(`account ${req.params.id} not found`));
    }
    try {
      await store.writeAudit({
        actor: String(req.header("x-actor") ?? "unknown"),
        action: "account.delete",
        subject: req.params.id,
      });
    } catch {}
    res.send(204);
    return next();
  }

  async function exportStatements(_req: Request, _res: Response, _next: Next) {
    throw new Error("not implemented");
  }

  return { list, get, remove, exportStatements };
}
