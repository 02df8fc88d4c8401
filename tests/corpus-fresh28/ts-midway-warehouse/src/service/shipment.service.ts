import { Config, Inject, Logger, Provide, httpError } from '@midwayjs/core';
import { ILogger } from '@midwayjs/logger';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Repository } from 'typeorm';
import { Shipment } from '../entity/shipment.entity';
import { AuditService } from './audit.service';
import { CarrierService } from './carrier.service';
import { StockService } from './stock.service';

export interface NewShipment {
  orderRef: string;
  warehouseId: string;
  lines: Array<{ sku: string; quantity: number }>;
}

@Provide()
export class ShipmentService {
  @InjectEntityModel(Shipment)
  shipmentModel: Repository<Shipment>;

  @Inject()
  stockService: StockService;

  @Inject()
  carrierService: CarrierService;

  @Inject()
  auditService: AuditService;

  @Config('shipping.labelDir')
  labelDir: string;

  @Logger()
  logger: ILogger;

  async create(input: NewShipment, actor: string): Promise<Shipment> {
    for (const line of input.lines) {
      await this.stockService.reserve(line.sku, line.quantity, input.warehouseId);
    }
    const shipment = this.shipmentModel.create({
      ...input,
      status: 'draft',
      createdBy: actor,
    });
    const saved = await this.shipmentModel.save(shipment);
    await this.auditService.record(actor, 'shipment.create', saved.orderRef, {
      lines: input.lines.length,
    });
    return saved;
  }

  async findById(id: number): Promise<Shipment> {
    const shipment = await this.shipmentModel.findOneBy({ id });
    if (!shipment) {
      throw new httpError.NotFoundError(`shipment ${id} not found`);
    }
    return shipment;
  }

  async label(id: number, actor: string): Promise<Shipment> {
    const shipment = await this.findById(id);
    if (shipment.status !== 'draft') {
      throw new httpError.ConflictError(`shipment ${id} is already ${shipment.status}`);
    }
    const result = await this.carrierService.createLabel(shipment);

    // write to a scratch file first so a half-written PDF never lands in labelDir
    const scratch = join(tmpdir(), `label-${result.labelId}.pdf.part`);
    await fs.writeFile(scratch, result.pdf);
    await fs.mkdir(this.labelDir, { recursive: true });
    await fs.rename(scratch, join(this.labelDir, `${shipment.orderRef}.pdf`));

    shipment.status = 'labelled';
    shipment.carrierLabelId = result.labelId;
    shipment.trackingNumber = result.trackingNumber;
    const saved = await this.shipmentModel.save(shipment);
    await this.auditService.record(actor, 'shipment.label', shipment.orderRef, {
      labelId: result.labelId,
    });
    return saved;
  }

  async cancel(id: number, actor: string): Promise<Shipment> {
    const shipment = await this.findById(id);
    if (shipment.status === 'dispatched' || shipment.status === 'delivered') {
      throw new httpError.ConflictError(`shipment ${id} has left the warehouse`);
    }
    if (shipment.carrierLabelId) {
      await this.carrierService.cancelLabel(shipment.carrierLabelId).catch(() => undefined);
    }
    for (const line of shipment.lines) {
      await this.stockService.release(line.sku, line.quantity, shipment.warehouseId);
    }
    shipment.status = 'cancelled';
    const saved = await this.shipmentModel.save(shipment);
    await this.auditService.record(actor, 'shipment.cancel', shipment.orderRef, null);
    return saved;
  }

  async applyCarrierEvent(trackingNumber: string, event: string): Promise<void> {
    const shipment = await this.shipmentModel.findOneBy({ trackingNumber });
    if (!shipment) {
      this.logger.warn('carrier event %s for unknown tracking number %s', event, trackingNumber);
      return;
    }
    if (event === 'picked_up') {
      shipment.status = 'dispatched';
    } else if (event === 'delivered') {
      shipment.status = 'delivered';
    } else {
      return;
    }
    await this.shipmentModel.save(shipment);
  }
}
