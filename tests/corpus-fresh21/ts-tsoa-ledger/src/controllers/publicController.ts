import bcrypt from "bcryptjs";
import mongoose from "mongoose";
import { Body, Controller, Get, Post, Route, Tags } from "tsoa";
import { AuthError, issueAccessToken } from "../authentication";
import { UserModel } from "../models";
import { verifyTransport } from "../services/mailer";
import { childLogger } from "../lib/logger";

const log = childLogger("public");

interface LoginBody {
  email: string;
  password: string;
}

interface TokenResponse {
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
}

interface HealthResponse {
  status: "ok" | "degraded";
  mongo: string;
  smtp: boolean;
}

@Route("")
@Tags("Public")
export class PublicController extends Controller {
  @Get("healthz")
  public async health(): Promise<HealthResponse> {
    const mongoState = mongoose.connection.readyState === 1 ? "connected" : "disconnected";
    const smtp = await verifyTransport();
    const status = mongoState === "connected" && smtp ? "ok" : "degraded";
    if (status !== "ok") {
      this.setStatus(503);
    }
    return { status, mongo: mongoState, smtp };
  }

  @Post("auth/login")
  public async login(@Body() body: LoginBody): Promise<TokenResponse> {
    const user = await UserModel.findOne({ email: body.email.toLowerCase() }).select("+passwordHash").exec();
    const hash = user?.passwordHash ?? "$2a$12$C6UzMDM.H6dfI/f/IKcEeO6Cz4YXmyA.yPFEq3h6JDuWxb0zZ7x5u";
    const ok = await bcrypt.compare(body.password, hash);
    if (!user || !ok || user.disabledAt) {
      log.info({ email: body.email }, "failed login");
      throw new AuthError("invalid credentials");
    }
    return {
      accessToken: issueAccessToken({
        id: user._id.toHexString(),
        email: user.email,
        orgId: user.orgId,
        scopes: user.scopes,
      }),
      tokenType: "Bearer",
      expiresIn: 3600,
    };
  }
}
