/** Configuration from the environment, validated once at start-up. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTokenList } from './auth/tokens.js';
import { formatPath } from './domain/record.js';

/** The repository root (where `seeds/` lives), whatever the working directory. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The graph model's files: Neo4j schema and statements, the theme taxonomy. */
export const GRAPH_DIR = path.join(ROOT_DIR, 'graph');

const ORIGIN = /^https?:\/\/[^/\s,]+$/;
const parseOrigins = (value: string): string[] =>
  value
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);

const TOKENS_MESSAGE = 'must be comma-separated name:token pairs, each token at least 16 characters of letters, digits, - _ . ~ + /';
const tokensValid = (value: string) => parseTokenList(value).every((t) => /^[A-Za-z0-9._~+/-]{16,}$/.test(t.token) && /^[\w .-]+$/.test(t.name));

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  GRAPH_STORE: z.enum(['memory', 'neo4j']).default('memory'),
  DATA_DIR: z.string().min(1).default('./data'),
  SEEDS_DIR: z.string().min(1).default(path.join(ROOT_DIR, 'seeds')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // The HTTP API: limits against abusive queries (see src/graphql/limits/), CORS, shutdown.
  /** Most nested fields in a query; introspection does not count (the cost limit covers it). */
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).max(1_000).default(12),
  /** Highest estimated cost (fields resolved, lists multiplied by their size) of a query. */
  MAX_QUERY_COST: z.coerce.number().int().min(1).max(1_000_000_000).default(300_000),
  /** Most characters in a query document. */
  MAX_QUERY_LENGTH: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** Most characters in one text argument of a query (a search, a draft recommendation, a filter). */
  MAX_TEXT_LENGTH: z.coerce.number().int().min(1).max(1_000_000).default(2_000),
  /** A request with no response after this long is answered with a REQUEST_TIMEOUT error. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
  /** On SIGTERM/SIGINT, how long in-flight requests get to finish before connections are closed. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(15_000),
  /** Origins (scheme://host[:port]) browsers may call the API from, comma-separated; `*` for any; empty: none. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .refine((value) => parseOrigins(value).every((origin) => origin === '*' || ORIGIN.test(origin)), {
      message: 'must be a comma-separated list of origins such as https://app.example.org (scheme, host, optional port; no path), or *',
    })
    .transform(parseOrigins),
  /** Whether the schema can be introspected (`__schema`, `__type`). */
  INTROSPECTION: z.stringbool({ error: 'must be true or false' }).default(true),

  // Access control: `name:token` pairs, comma-separated (the name is recorded in follow-up history).
  /** Tokens that may read; when empty, reads are open to anyone. */
  READ_TOKENS: z.string().default('').refine(tokensValid, { message: TOKENS_MESSAGE }).transform(parseTokenList),
  /** Tokens that may read and change the graph (mutations). */
  EDITOR_TOKENS: z.string().default('').refine(tokensValid, { message: TOKENS_MESSAGE }).transform(parseTokenList),

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
