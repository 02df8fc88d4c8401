import {Context, Middleware, MiddlewareMethods, Req} from "@tsed/common";
import {Forbidden, Unauthorized} from "@tsed/exceptions";

export interface AdminAuthOptions {
  role?: "accountant" | "admin";
}

const RANK: Record<string, number> = {member: 0, accountant: 1, admin: 2};

@Middleware()
export class AdminAuthMiddleware implements MiddlewareMethods {
  use(@Req() request: Req, @Context() ctx: Context) {
    const options: AdminAuthOptions = ctx.endpoint.get(AdminAuthMiddleware) || {};
    const user = request.user as {id: string; role: string} | undefined;
    const opsKey = request.get("x-ops-key");

    // Ops automation (month-end scripts) calls admin routes with the shared ops key.
    if (opsKey && process.env.LEDGERLINE_OPS_KEY && opsKey === process.env.LEDGERLINE_OPS_KEY) {
      ctx.logger.info({event: "auth.ops_key", path: request.path});
      return;
    }

    if (!user) {
      throw new Unauthorized("Authentication required");
    }

    if (options.role && RANK[user.role] < RANK[options.role]) {
      ctx.logger.warn({event: "auth.forbidden", userId: user.id, required: options.role});
      throw new Forbidden("Insufficient role");
    }
  }
}
