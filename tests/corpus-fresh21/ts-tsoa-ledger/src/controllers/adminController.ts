import type { Request as ExpressRequest } from "express";
import { Body, Controller, Get, Path, Post, Query, Request, Route, Security, Tags } from "tsoa";
import type { AuthUser } from "../authentication";
import { AuditModel, UserModel } from "../models";
import { childLogger } from "../lib/logger";

const log = childLogger("admin");

type AuthedRequest = ExpressRequest & { user: AuthUser };

interface UserSummary {
  id: string;
  email: string;
  orgId: string;
  scopes: string[];
  disabled: boolean;
}

interface ExportRequest {
  from: string;
  to: string;
  format: "csv" | "xlsx";
}

@Route("admin")
@Tags("Admin")
@Security("jwt", ["admin"])
export class AdminController extends Controller {
  @Get("users")
  public async listUsers(@Query() orgId?: string): Promise<UserSummary[]> {
    const users = await UserModel.find(orgId ? { orgId } : {}).limit(500).exec();
    return users.map((u) => ({
      id: u._id.toHexString(),
      email: u.email,
      orgId: u.orgId,
      scopes: u.scopes,
      disabled: Boolean(u.disabledAt),
    }));
  }

  @Post("users/{userId}/disable")
  public async disableUser(@Path() userId: string, @Request() req: AuthedRequest): Promise<UserSummary> {
    const user = await UserModel.findByIdAndUpdate(userId, { $set: { disabledAt: new Date() } }, { new: true }).exec();
    if (!user) {
      this.setStatus(404);
      throw new Error(`user ${userId} not found`);
    }
    await AuditModel.create({ actorId: req.user.id, action: "user.disabled", subject: userId });
    log.info({ actor: req.user.id, userId }, "user disabled");
    return {
      id: user._id.toHexString(),
      email: user.email,
      orgId: user.orgId,
      scopes: user.scopes,
      disabled: true,
    };
  }

  @Post("reports/export")
  public async exportReport(@Body() body: ExportRequest, @Request() req: AuthedRequest): Promise<{ message: string }> {
    log.info({ actor: req.user.id, format: body.format }, "report export requested");
    this.setStatus(501);
    return { message: "report export is not available yet" };
  }
}
