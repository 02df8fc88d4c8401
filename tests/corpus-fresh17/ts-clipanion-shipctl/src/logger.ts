import winston from 'winston';

export function createLogger(verbose: boolean): winston.Logger {
  return winston.createLogger({
    level: verbose ? 'debug' : process.env.SHIPCTL_LOG_LEVEL ?? 'info',
    format: winston.format.combine(winston.format.timestamp(), winston.format.splat(), winston.format.cli()),
    transports: [new winston.transports.Console({ stderrLevels: ['error', 'warn', 'debug'] })],
  });
}
