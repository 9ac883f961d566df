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

  // Neo4j store (GRAPH_STORE=neo4j).
  NEO4J_URI: z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/, 'must be a neo4j:// or bolt:// URI').optional(),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  /** Connection attempts at start-up before giving up, with exponential backoff between them. */
  NEO4J_CONNECT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  NEO4J_CONNECT_BACKOFF_MS: z.coerce.number().int().min(1).max(60_000).default(500),
}).superRefine((config, ctx) => {
  if (config.GRAPH_STORE === 'neo4j' && !config.NEO4J_URI) {
    ctx.addIssue({ code: 'custom', path: ['NEO4J_URI'], message: 'is required when GRAPH_STORE=neo4j' });
  }
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
    const shown = /PASSWORD|TOKEN/.test(name) ? '(hidden)' : JSON.stringify(env[name] ?? '');
    throw new ConfigError(`invalid configuration: ${name}=${shown}: ${issue.message}`);
  }
  return result.data;
}
