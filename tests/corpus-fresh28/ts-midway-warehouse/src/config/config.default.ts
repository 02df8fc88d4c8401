import { MidwayAppInfo, MidwayConfig } from '@midwayjs/core';
import { readFileSync } from 'fs';
import { join } from 'path';
import { StockItem } from '../entity/stock-item.entity';
import { Shipment } from '../entity/shipment.entity';
import { AuditEntry } from '../entity/audit-entry.entity';

export default (appInfo: MidwayAppInfo): MidwayConfig => {
  const dbCa = process.env.WAREHOUSE_DB_CA;

  return {
    // cookie / session signing keys; validated in MainConfiguration.onReady
    keys: process.env.APP_KEYS ?? '',
    // [{ name, role, tokenSha256 }] for each integration allowed to call the API
    apiClients: JSON.parse(process.env.API_CLIENTS ?? '[]'),
    koa: {
      port: Number(process.env.PORT ?? 7001),
    },
    typeorm: {
      dataSource: {
        default: {
          type: 'mysql',
          host: process.env.WAREHOUSE_DB_HOST ?? 'mysql.wh-prod.internal',
          port: Number(process.env.WAREHOUSE_DB_PORT ?? 3306),
          username: process.env.WAREHOUSE_DB_USER ?? 'warehouse_api',
          password: process.env.WAREHOUSE_DB_PASSWORD ?? 'Wh-st0ck!Lodz#2024',
          database: 'warehouse',
          synchronize: false,
          logging: ['error', 'warn'],
          ssl: dbCa
            ? { ca: readFileSync(dbCa, 'utf8'), rejectUnauthorized: true }
            : undefined,
          entities: [StockItem, Shipment, AuditEntry],
        },
      },
    },
    carrier: {
      baseUrl: process.env.CARRIER_API_URL ?? 'https://api.parcelrail.eu/v2',
      apiKey: process.env.CARRIER_API_KEY,
      webhookSecret: process.env.CARRIER_WEBHOOK_SECRET,
      timeoutMs: 8000,
    },
    shipping: {
      // generated label PDFs; kept until the shipment is delivered
      labelDir: process.env.LABEL_DIR ?? join(appInfo.appDir, 'run', 'labels'),
      defaultWarehouse: 'LDZ-1',
    },
  } as MidwayConfig;
};
