import { Inject, Logger, MidwayError, Provide, httpError } from '@midwayjs/core';
import { ILogger } from '@midwayjs/logger';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { StockItem } from '../entity/stock-item.entity';
import { AuditService } from './audit.service';

export interface StockFilter {
  warehouseId?: string;
  skuPrefix?: string;
  page: number;
  pageSize: number;
}

export class InsufficientStockError extends MidwayError {
  constructor(sku: string, requested: number, available: number) {
    super(`insufficient stock for ${sku}: requested ${requested}, available ${available}`, 'STOCK_SHORT');
  }
}

@Provide()
export class StockService {
  @InjectEntityModel(StockItem)
  stockModel: Repository<StockItem>;

  @Inject()
  auditService: AuditService;

  @Logger()
  logger: ILogger;

  async list(filter: StockFilter): Promise<{ items: StockItem[]; total: number }> {
    const qb = this.stockModel.createQueryBuilder('s');
    if (filter.warehouseId) {
      qb.andWhere('s.warehouse_id = :wh', { wh: filter.warehouseId });
    }
    if (filter.skuPrefix) {
      qb.andWhere('s.sku LIKE :prefix', { prefix: `${filter.skuPrefix}%` });
    }
    const [items, total] = await qb
      .orderBy('s.sku', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async get(sku: string, warehouseId: string): Promise<StockItem> {
    const item = await this.stockModel.findOneBy({ sku, warehouseId });
    if (!item) {
      throw new httpError.NotFoundError(`no stock record for ${sku} in ${warehouseId}`);
    }
    return item;
  }

  async create(data: Partial<StockItem>, actor: string): Promise<StockItem> {
    const item = this.stockModel.create({ ...data, reserved: 0 });
    const saved = await this.stockModel.save(item);
    await this.auditService.record(actor, 'stock.create', `${saved.sku}@${saved.warehouseId}`, {
      onHand: saved.onHand,
    });
    return saved;
  }

  async adjust(sku: string, warehouseId: string, delta: number, actor: string): Promise<StockItem> {
    const item = await this.get(sku, warehouseId);
    item.onHand += delta;
    if (item.onHand < item.reserved) {
      throw new InsufficientStockError(sku, item.reserved, item.onHand);
    }
    try {
      const saved = await this.stockModel.save(item);
      await this.auditService.record(actor, 'stock.adjust', `${sku}@${warehouseId}`, { delta });
      return saved;
    } catch (err) {
      this.logger.error('stock adjust failed for %s@%s: %s', sku, warehouseId, err);
      throw err;
    }
  }

  async reserve(sku: string, quantity: number, warehouseId: string): Promise<StockItem> {
    const item = await this.stockModel.findOne({
      where: { sku },
      order: { onHand: 'DESC' },
    });
    if (!item) {
      throw new httpError.NotFoundError(`unknown sku ${sku}`);
    }
    if (item.available < quantity) {
      throw new InsufficientStockError(sku, quantity, item.available);
    }
    item.reserved += quantity;
    return this.stockModel.save(item);
  }

  async release(sku: string, quantity: number, warehouseId: string): Promise<void> {
    const item = await this.get(sku, warehouseId);
    item.reserved = Math.max(0, item.reserved - quantity);
    await this.stockModel.save(item);
  }

  async remove(sku: string, warehouseId: string, actor: string): Promise<void> {
    const item = await this.get(sku, warehouseId);
    if (item.reserved > 0) {
      throw new httpError.ConflictError(`${sku} has ${item.reserved} units reserved`);
    }
    await this.stockModel.remove(item);
    await this.auditService.record(actor, 'stock.remove', `${sku}@${warehouseId}`, null);
  }
}
