import {Inject, Req} from "@tsed/common";
import {Unauthorized} from "@tsed/exceptions";
import {Arg, OnVerify, Protocol} from "@tsed/passport";
import {ExtractJwt, Strategy, StrategyOptions} from "passport-jwt";
import {env} from "../config/env";
import {PrismaService} from "../services/PrismaService";

export interface JwtClaims {
  sub: string;
  tid: string;
  role: "member" | "accountant" | "admin";
  iat: number;
  exp: number;
}

@Protocol<StrategyOptions>({
  name: "jwt",
  useStrategy: Strategy,
  settings: {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    secretOrKey: env.jwtSecret,
    issuer: env.jwtIssuer,
    audience: env.jwtAudience,
    algorithms: ["HS256"]
  }
})
export class JwtProtocol implements OnVerify {
  @Inject()
  prisma: PrismaService;

  async $onVerify(@Req() req: Req, @Arg(0) claims: JwtClaims) {
    const user = await this.prisma.user.findUnique({where: {id: claims.sub}});

    if (!user || user.tenantId !== claims.tid) {
      throw new Unauthorized("Unknown principal");
    }

    req.$ctx?.logger.info({event: "auth.jwt", userId: user.id, tenantId: user.tenantId});

    return {id: user.id, email: user.email, tenantId: user.tenantId, role: user.role};
  }
}
