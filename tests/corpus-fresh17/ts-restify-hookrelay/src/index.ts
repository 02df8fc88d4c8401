import { Pool } from 'pg';
import { loadConfig } from './config';
import { logger } from './logger';
import { createServer } from './server';

const cfg = loadConfig();
const pool = new Pool({ connectionString: cfg.databaseUrl, max: 10 });
const server = createServer(cfg, pool, logger);

server.listen(cfg.port, () => {
  logger.info({ port: cfg.port }, 'hookrelay listening');
});

function shutdown(signal: string): void {
  logger.info({ signal }, 'shutting down');
  server.close(() => {
    pool.end().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'failed to drain database pool');
        process.exit(1);
      },
    );
  });
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
