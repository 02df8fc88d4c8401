import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Role, Store } from "./db";

const rank: Record<Role, number> = { member: 0, approver: 1, auditor: 1, admin: 2 };

// Slash commands, block actions and events put the user and team in different places.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function userIdOf(body: any): string | undefined {
  return body?.user_id ?? body?.user?.id ?? body?.event?.user;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function teamIdOf(body: any, context: Record<string, unknown>): string | undefined {
  return (context.teamId as string | undefined) ?? body?.team_id ?? body?.team?.id;
}

/** Global middleware: resolves the caller's desk role once per request. */
export function loadRole(store: Store): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const userId = userIdOf(body);
    const teamId = teamIdOf(body, context);
    // Events such as tokens_revoked and app_uninstalled carry no user.
    if (!userId || !teamId) {
      await next();
      return;
    }
    context.role = await store.roleOf(teamId, userId);
    context.actorId = userId;
    await next();
  };
}

/**
 * Listener middleware. Auditors and approvers are separate duties of equal rank, so the
 * check is for the exact role or admin.
 */
export function requireRole(required: Role): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const role = (args.context.role as Role | undefined) ?? "member";
    if (role === required || rank[role] > rank[required]) {
      await args.next();
      return;
    }
    args.logger.warn(`denied ${args.context.actorId ?? "unknown"}: needs ${required}, has ${role}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const a = args as any;
    if (typeof a.ack === "function") await a.ack();
    if (typeof a.respond === "function") {
      await a.respond({ response_type: "ephemeral", text: `You need the ${required} role to do that.` });
    }
  };
}
