import { availableParallelism } from 'node:os';
import { DEFAULT_PREPARED_STATEMENTS } from '@panorama/db';
import { z } from 'zod';
import { LOG_LEVELS } from './logging';

/** Pooled connections by default: two per core plus one (PostgreSQL works best near that), at most 20. */
export const DEFAULT_POOL_MAX = Math.min(2 * availableParallelism() + 1, 20);

/** The API's configuration: the only reader of `process.env`. Fails fast with a clear message. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
      message: 'must be a postgres:// or postgresql:// connection string, or unset for the embedded database',
    }),
  PANORAMA_DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().max(100).default(DEFAULT_POOL_MAX),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  DATABASE_PREPARED_STATEMENTS: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_PREPARED_STATEMENTS),
  READINESS_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  PANORAMA_DEMO_DATA: z.enum(['auto', 'never']).default('auto'),
  REDIS_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^rediss?:\/\//.test(value), {
      message: 'must be a redis:// or rediss:// URL, or unset for an in-process cache',
    }),
  REDIS_KEY_PREFIX: z.string().default('panorama:'),
  RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(600),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().int().positive().default(64),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}
