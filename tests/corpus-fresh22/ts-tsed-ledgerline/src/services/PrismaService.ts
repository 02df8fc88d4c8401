import {Injectable, OnDestroy, OnInit} from "@tsed/di";
import {$log} from "@tsed/common";
import {PrismaClient} from "@prisma/client";
import {env} from "../config/env";

@Injectable()
export class PrismaService extends PrismaClient implements OnInit, OnDestroy {
  constructor() {
    super({
      datasources: {db: {url: env.databaseUrl}},
      log: [{emit: "event", level: "warn"}]
    });
  }

  async $onInit() {
    await this.$connect();
    $log.info({event: "prisma.connected"});
  }

  async $onDestroy() {
    await this.$disconnect();
  }
}
