import { Config, Init, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { ILogger } from '@midwayjs/logger';
import axios, { AxiosInstance } from 'axios';
import { promises as fs } from 'fs';
import * as https from 'https';
import { join } from 'path';
import { Shipment } from '../entity/shipment.entity';

export interface LabelResult {
  labelId: string;
  trackingNumber: string;
  pdf: Buffer;
}

export interface CarrierConfig {
  baseUrl: string;
  apiKey?: string;
  webhookSecret?: string;
  timeoutMs: number;
}

const MANIFEST_ARCHIVE = '/Users/dkowalski/warehouse/manifests';

/**
 * Contract every carrier integration implements. ParcelRail is the only
 * production carrier today; the sandbox client in test/ extends this too.
 */
export abstract class CarrierClient {
  abstract createLabel(shipment: Shipment): Promise<LabelResult>;

  abstract cancelLabel(labelId: string): Promise<void>;

  abstract closeManifest(warehouseId: string, day: string): Promise<string>;
}

@Provide()
@Scope(ScopeEnum.Singleton)
export class CarrierService extends CarrierClient {
  @Config('carrier')
  carrierConfig: CarrierConfig;

  @Logger()
  logger: ILogger;

  private http: AxiosInstance;

  @Init()
  async init(): Promise<void> {
    if (!this.carrierConfig.apiKey) {
      throw new Error('CARRIER_API_KEY is not configured');
    }
    this.http = axios.create({
      baseURL: this.carrierConfig.baseUrl,
      timeout: this.carrierConfig.timeoutMs,
      headers: { 'x-api-key': this.carrierConfig.apiKey },
      httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
    });
  }

  async createLabel(shipment: Shipment): Promise<LabelResult> {
    const { data } = await this.http.post('/labels', {
      reference: shipment.orderRef,
      origin: shipment.warehouseId,
      parcels: shipment.lines.map(l => ({ sku: l.sku, qty: l.quantity })),
      format: 'pdf',
    });
    return {
      labelId: data.id,
      trackingNumber: data.tracking_number,
      pdf: Buffer.from(data.document, 'base64'),
    };
  }

  async cancelLabel(labelId: string): Promise<void> {
    await this.http.delete(`/labels/${encodeURIComponent(labelId)}`);
  }

  async closeManifest(warehouseId: string, day: string): Promise<string> {
    const { data } = await this.http.post(
      '/manifests',
      { origin: warehouseId, date: day },
      { responseType: 'arraybuffer' }
    );
    await fs.mkdir(MANIFEST_ARCHIVE, { recursive: true });
    const target = join(MANIFEST_ARCHIVE, `${warehouseId}-${day}.pdf`);
    await fs.writeFile(target, Buffer.from(data));
    this.logger.info('manifest for %s on %s archived to %s', warehouseId, day, target);
    return target;
  }
}
