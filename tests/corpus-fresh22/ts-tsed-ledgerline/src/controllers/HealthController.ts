import {Controller, Inject} from "@tsed/di";
import {Get, Returns} from "@tsed/schema";
import {env} from "../config/env";
import {PrismaService} from "../services/PrismaService";

@Controller("/")
export class HealthController {
  @Inject()
  protected prisma: PrismaService;

  // Load balancer probe; must stay reachable without credentials.
  @Get("/health")
  @Returns(200)
  async health() {
    await this.prisma.$queryRaw`SELECT 1`;
    return {status: "ok", version: env.version};
  }
}
