import { pino, type Logger } from 'pino';

export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: { service: 'migration-evaluation-graph' }, redact: ['req.headers.authorization', 'headers.authorization'] });
}
