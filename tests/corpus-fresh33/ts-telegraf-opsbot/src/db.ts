import { type Alert, type Incident, PrismaClient } from "@prisma/client";

export interface NewAlert {
  fingerprint: string;
  monitorId: string;
  team: string;
  severity: string;
  summary: string;
  firedAt: Date;
}

export class Repo {
  constructor(private readonly prisma: PrismaClient) {}

  upsertAlert(input: NewAlert): Promise<Alert> {
    return this.prisma.alert.upsert({
      where: { fingerprint: input.fingerprint },
      create: input,
      update: { summary: input.summary, severity: input.severity, resolvedAt: null },
    });
  }

  resolveAlert(fingerprint: string, resolvedAt: Date): Promise<Alert> {
    return this.prisma.alert.update({ where: { fingerprint }, data: { resolvedAt } });
  }

  findAlert(id: number): Promise<Alert | null> {
    return this.prisma.alert.findUnique({ where: { id } });
  }

  async recordAck(alertId: number, telegramId: number): Promise<void> {
    await this.prisma.ack.create({ data: { alertId, telegramId: BigInt(telegramId) } });
  }

  async isAcked(alertId: number): Promise<boolean> {
    return (await this.prisma.ack.count({ where: { alertId } })) > 0;
  }

  subscribersFor(team: string): Promise<{ chatId: bigint }[]> {
    return this.prisma.subscription.findMany({ where: { team }, select: { chatId: true } });
  }

  createIncident(data: { team: string; title: string; severity: string; openedBy: number }): Promise<Incident> {
    return this.prisma.incident.create({ data: { ...data, openedBy: BigInt(data.openedBy) } });
  }

  openIncidents(team: string, limit: number): Promise<Incident[]> {
    return this.prisma.incident.findMany({
      where: { status: "open" },
      orderBy: { createdAt: "desc" },
      take: limit,
    });
  }

  incidentsBetween(from: Date, to: Date): Promise<Incident[]> {
    return this.prisma.incident.findMany({
      where: { createdAt: { gte: from, lt: to } },
      orderBy: { createdAt: "asc" },
    });
  }

  async requestAccess(telegramId: number, username: string | undefined): Promise<void> {
    await this.prisma.accessRequest.upsert({
      where: { telegramId: BigInt(telegramId) },
      create: { telegramId: BigInt(telegramId), username },
      update: { username },
    });
  }

  pendingAccessRequests() {
    return this.prisma.accessRequest.findMany({ orderBy: { createdAt: "asc" } });
  }
}

export function createRepo(): { prisma: PrismaClient; repo: Repo } {
  const prisma = new PrismaClient({ log: ["warn", "error"] });
  return { prisma, repo: new Repo(prisma) };
}
