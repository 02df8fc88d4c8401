import { Body, Controller, Get, Inject, Param, Post, UseGuard } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { Rule, RuleType, getSchema } from '@midwayjs/validate';
import { Role, RoleGuard } from '../guard/role.guard';
import { AuditService } from '../service/audit.service';
import { CarrierService } from '../service/carrier.service';
import { ShipmentService } from '../service/shipment.service';

export class ShipmentLineDTO {
  @Rule(RuleType.string().max(64).required())
  sku: string;

  @Rule(RuleType.number().integer().min(1).required())
  quantity: number;
}

export class CreateShipmentDTO {
  @Rule(RuleType.string().max(40).required())
  orderRef: string;

  @Rule(RuleType.string().max(16).required())
  warehouseId: string;

  @Rule(RuleType.array().items(getSchema(ShipmentLineDTO)).min(1).required())
  lines: ShipmentLineDTO[];
}

export class ReturnRequestDTO {
  @Rule(RuleType.string().max(200).required())
  reason: string;
}

@Controller('/api/shipments')
@UseGuard(RoleGuard)
export class ShipmentController {
  @Inject()
  ctx: Context;

  @Inject()
  shipmentService: ShipmentService;

  @Inject()
  auditService: AuditService;

  @Inject()
  carrierService: CarrierService;

  @Post('/')
  @Role(['picker', 'manager', 'admin'])
  async create(@Body() body: CreateShipmentDTO) {
    this.ctx.status = 201;
    return this.shipmentService.create(body, this.ctx.state.client.name);
  }

  @Get('/:id')
  @Role(['reader', 'picker', 'manager', 'admin'])
  async get(@Param('id') id: number) {
    const shipment = await this.shipmentService.findById(Number(id));
    const history = await this.auditService.recent(shipment.orderRef, 20);
    return { ...shipment, history };
  }

  @Post('/:id/label')
  @Role(['picker', 'manager', 'admin'])
  async label(@Param('id') id: number) {
    return this.shipmentService.label(Number(id), this.ctx.state.client.name);
  }

  @Post('/:id/cancel')
  @Role(['manager', 'admin'])
  async cancel(@Param('id') id: number) {
    return this.shipmentService.cancel(Number(id), this.ctx.state.client.name);
  }

  @Post('/:id/return')
  @Role(['manager', 'admin'])
  async requestReturn(@Param('id') id: number, @Body() body: ReturnRequestDTO) {
    this.ctx.status = 501;
    return { message: 'returns are handled by the legacy desk for now', id, reason: body.reason };
  }

  @Post('/manifests/:warehouseId')
  @Role(['manager', 'admin'])
  async closeManifest(@Param('warehouseId') warehouseId: string) {
    const day = new Date().toISOString().slice(0, 10);
    const archived = await this.carrierService.closeManifest(warehouseId, day);
    await this.auditService.record(this.ctx.state.client.name, 'manifest.close', warehouseId, { day });
    return { warehouseId, day, archived };
  }
}
