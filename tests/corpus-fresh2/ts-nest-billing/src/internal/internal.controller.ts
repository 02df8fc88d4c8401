import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsDateString, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Public } from '../auth/decorators';
import { PrismaService } from '../common/services';
import { InvoicesService } from '../invoices/invoices.service';

export class ReindexDto {
  @IsOptional() @IsDateString()
  since?: string;

  @IsOptional() @IsInt() @Min(10) @Max(5000)
  batchSize?: number;
}

/**
 * Machine-to-machine endpoints used by the ops cron (k8s CronJob `billing-maintenance`).
 * No end-user JWT here: callers present the shared x-internal-key instead.
 */
@ApiExcludeController()
@Public()
@Controller('internal')
export class InternalController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly prisma: PrismaService,
  ) {}

  @Post('reindex')
  @HttpCode(202)
  async reindex(@Body() body: ReindexDto) {
    const queued = await this.invoices.reindex({
      since: body.since ? new Date(body.since) : undefined,
      batchSize: body.batchSize,
    });
    return { queued };
  }

  @Post('purge-drafts')
  async purgeDrafts() {
    const cutoff = new Date(Date.now() - 90 * 24 * 3600 * 1000);
    const { count } = await this.prisma.invoice.deleteMany({
      where: { status: 'DRAFT', updatedAt: { lt: cutoff } },
    });
    return { purged: count };
  }
}
