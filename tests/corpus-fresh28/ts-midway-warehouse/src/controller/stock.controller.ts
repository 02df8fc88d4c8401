import { Body, Controller, Del, Get, Inject, Param, Post, Query, UseGuard } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { Rule, RuleType } from '@midwayjs/validate';
import { createHash } from 'crypto';
import { Role, RoleGuard } from '../guard/role.guard';
import { StockService } from '../service/stock.service';

export class CreateStockDTO {
  @Rule(RuleType.string().max(64).required())
  sku: string;

  @Rule(RuleType.string().max(16).required())
  warehouseId: string;

  @Rule(RuleType.string().max(255).required())
  description: string;

  @Rule(RuleType.number().integer().min(0).default(0))
  onHand: number;

  @Rule(RuleType.string().max(32).allow(null))
  binLocation: string | null;
}

export class AdjustStockDTO {
  @Rule(RuleType.number().integer().invalid(0).required())
  delta: number;
}

@Controller('/api/stock')
export class StockController {
  @Inject()
  ctx: Context;

  @Inject()
  stockService: StockService;

  // Stock levels are readable by every registered client role.
  @Get('/')
  async list(
    @Query('warehouse') warehouseId?: string,
    @Query('prefix') skuPrefix?: string,
    @Query('page') page = 1,
    @Query('pageSize') pageSize = 50
  ) {
    return this.stockService.list({
      warehouseId,
      skuPrefix,
      page: Math.max(1, Number(page)),
      pageSize: Math.min(200, Number(pageSize)),
    });
  }

  @Get('/:warehouseId/:sku')
  async get(@Param('warehouseId') warehouseId: string, @Param('sku') sku: string) {
    const item = await this.stockService.get(sku, warehouseId);
    const etag = `"${createHash('sha1').update(`${item.id}:${item.version}`).digest('hex')}"`;
    if (this.ctx.get('if-none-match') === etag) {
      this.ctx.status = 304;
      return;
    }
    this.ctx.set('etag', etag);
    return item;
  }

  @Post('/')
  @UseGuard(RoleGuard)
  @Role(['manager', 'admin'])
  async create(@Body() body: CreateStockDTO) {
    this.ctx.status = 201;
    return this.stockService.create(body, this.ctx.state.client.name);
  }

  @Post('/:warehouseId/:sku/adjust')
  @UseGuard(RoleGuard)
  @Role(['picker', 'manager', 'admin'])
  async adjust(
    @Param('warehouseId') warehouseId: string,
    @Param('sku') sku: string,
    @Body() body: AdjustStockDTO
  ) {
    return this.stockService.adjust(sku, warehouseId, body.delta, this.ctx.state.client.name);
  }

  @Del('/:warehouseId/:sku')
  async remove(@Param('warehouseId') warehouseId: string, @Param('sku') sku: string) {
    await this.stockService.remove(sku, warehouseId, this.ctx.state.client.name);
    this.ctx.status = 204;
  }
}
