import {Controller, Inject} from "@tsed/di";
import {BodyParams, Context, Req} from "@tsed/common";
import {Unauthorized} from "@tsed/exceptions";
import {Authorize} from "@tsed/passport";
import {Get, Post, Required, Returns} from "@tsed/schema";
import bcrypt from "bcryptjs";
import jwt from "jsonwebtoken";
import {env} from "../config/env";
import {PrismaService} from "../services/PrismaService";

class LoginBody {
  @Required()
  email: string;

  @Required()
  password: string;
}

@Controller("/auth")
export class AuthController {
  @Inject()
  protected prisma: PrismaService;

  @Post("/login")
  @Returns(200)
  async login(@BodyParams() body: LoginBody, @Context() ctx: Context) {
    const user = await this.prisma.user.findUnique({where: {email: body.email.toLowerCase()}});
    const ok = user ? await bcrypt.compare(body.password, user.passwordHash) : false;

    if (!user || !ok) {
      ctx.logger.info({event: "auth.login_failed", email: body.email});
      throw new Unauthorized("Invalid credentials");
    }

    const token = jwt.sign({tid: user.tenantId, role: user.role}, env.jwtSecret, {
      subject: user.id,
      issuer: env.jwtIssuer,
      audience: env.jwtAudience,
      expiresIn: "8h"
    });

    return {token, expiresIn: 8 * 3600};
  }

  @Get("/me")
  @Authorize("jwt")
  me(@Req() req: Req) {
    return req.user;
  }
}
