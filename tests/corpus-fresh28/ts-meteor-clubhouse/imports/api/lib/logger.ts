type Level = 'debug' | 'info' | 'warn' | 'error';

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = order[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? order.info;

function emit(level: Level, scope: string, message: string, meta?: Record<string, unknown>) {
  if (order[level] < threshold) return;
  const line = JSON.stringify({
    ts: new Date().toISOString(),
    level,
    scope,
    message,
    ...meta,
  });
  (level === 'error' ? console.error : console.log)(line);
}

export function createLogger(scope: string) {
  return {
    debug: (msg: string, meta?: Record<string, unknown>) => emit('debug', scope, msg, meta),
    info: (msg: string, meta?: Record<string, unknown>) => emit('info', scope, msg, meta),
    warn: (msg: string, meta?: Record<string, unknown>) => emit('warn', scope, msg, meta),
    error: (msg: string, meta?: Record<string, unknown>) => emit('error', scope, msg, meta),
  };
}
