/** Configuration from the environment, validated once at start-up. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { formatPath } from './domain/record.js';

/** The repository root (where `seeds/` lives), whatever the working directory. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  GRAPH_STORE: z.enum(['memory', 'neo4j']).default('memory'),
  DATA_DIR: z.string().min(1).default('./data'),
  SEEDS_DIR: z.string().min(1).default(path.join(ROOT_DIR, 'seeds')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Read the configuration; a bad value throws one line naming the variable and the problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = configSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = formatPath(issue.path);
    throw new ConfigError(`invalid configuration: ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`);
  }
  return result.data;
}
