import { EggAppConfig, EggAppInfo, PowerPartial } from 'egg';
import * as path from 'path';

export default (appInfo: EggAppInfo) => {
  const config = {} as PowerPartial<EggAppConfig>;

  config.keys = appInfo.name + '_' + (process.env.EGG_COOKIE_KEYS ?? '');

  // Global middleware, in order. Role checks are attached per route in app/router.ts.
  config.middleware = [ 'requestLog' ];

  config.requestLog = {
    slowThresholdMs: 800,
    ignore: '/healthz',
  };

  config.security = {
    csrf: {
      ignore: [ '/api' ],
    },
  };

  config.bodyParser = {
    jsonLimit: '1mb',
  };

  config.logger = {
    dir: process.env.EGG_LOG_DIR || '/var/log/inventory-api',
    level: 'INFO',
  };

  config.sequelize = {
    dialect: 'mysql',
    host: process.env.DB_HOST || '127.0.0.1',
    port: Number(process.env.DB_PORT || 3306),
    database: process.env.DB_NAME || 'inventory',
    username: process.env.DB_USER || 'inventory',
    password: process.env.DB_PASSWORD,
    timezone: '+00:00',
    define: {
      underscored: true,
      freezeTableName: false,
    },
  };

  const bizConfig = {
    inventory: {
      serviceToken: process.env.INVENTORY_SERVICE_TOKEN,
      sessionSecret: process.env.SESSION_SECRET,
      exportDir: process.env.EXPORT_DIR || path.join(appInfo.root, 'run', 'exports'),
    },
    supplier: {
      baseUrl: process.env.SUPPLIER_BASE_URL || 'https://api.northwind-supply.com/v2',
      apiKey: process.env.SUPPLIER_API_KEY || 'nws_live_7Hq2kP9xVt4mR8bLz3sYw6JcQ1fT',
      apiKeyHeader: 'X-Northwind-Api-Key',
      webhookSecret: process.env.SUPPLIER_WEBHOOK_SECRET,
      caFile: process.env.SUPPLIER_CA_FILE || '/etc/ssl/certs/ca-certificates.crt',
      timeout: 8000,
    },
  };

  return {
    ...config,
    ...bizConfig,
  };
};
