import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

/** Everything the service reads from the environment, parsed and checked once at start. */
export interface AppConfig {
  /** `production` hides internals (stack traces, introspection). */
  nodeEnv: string;
  port: number;
  host: string;
  /** Real PostgreSQL server; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder that keeps the embedded database between restarts. */
  embeddedDataDir: string;
  /** Pool size for a real PostgreSQL server (the embedded database always uses one connection). */
  databasePoolSize: number;
  /**
   * Folder for what the service keeps besides the database (a generated token key): DATA_DIR,
   * else the embedded database's folder; none with DATABASE_URL unless DATA_DIR is set.
   */
  dataDir?: string;
  /** HMAC key that signs bearer tokens. */
  authTokenSecret: string;
  /** The key lives only in this process: tokens end with it. */
  authTokenSecretIsEphemeral: boolean;
  /**
   * Without AUTH_TOKEN_SECRET, the file in `dataDir` that keeps a generated key across
   * restarts; `keepAuthTokenSecret` reads or makes it when the service starts.
   */
  authTokenSecretFile?: string;
  authTokenTtlSeconds: number;
  /** log2 of the scrypt cost parameter N for new password hashes. */
  passwordHashCost: number;
  /** Seed the demo school when the database has no school yet. */
  seedDemoOnEmptyDatabase: boolean;
  /** Apply pending migrations when the service starts. */
  migrateOnStart: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  shutdownTimeoutMs: number;
  /** Limits on what one GraphQL request may ask for. */
  queryLimits: QueryLimits;
  /** Sign-in throttling. */
  loginThrottle: LoginThrottle;
  /** How many password checks (scrypt) run at once and wait, in this process. */
  passwordChecks: PasswordCheckLimits;
  /**
   * Service processes `npm start` runs (WEB_CONCURRENCY; default one per CPU; 1 = no cluster):
   * with DATABASE_URL, a primary process forks that many workers (src/cluster.ts). On the
   * embedded database the service is always one process, since PGlite runs inside it.
   */
  workers: number;
  /** Take the client address from X-Forwarded-For (behind a trusted proxy only). */
  trustProxy: boolean;
  /** Web origins (exact, e.g. `https://app.example.cn`) allowed to call the service cross-origin; empty: same origin only. */
  corsOrigins: string[];
  /** Uploaded photos, recordings and PDFs: where they are kept and how big they may be. */
  files: FileConfig;
}

/** Uploaded files (src/modules/attachment). */
export interface FileConfig {
  /** An S3-compatible store (STORAGE_URL, `s3+https://KEY:SECRET@host/bucket?region=…`); absent: `storageDir`. */
  storageUrl?: string;
  /** The folder files are kept in without STORAGE_URL: `files/` in the data folder (or `.data/files`). */
  storageDir: string;
  /** Largest upload of each kind, in bytes. */
  maxBytes: { image: number; audio: number; pdf: number };
  /** Photos one hand-in or correction may carry (a recording is always one). */
  maxPhotosPerWork: number;
  /** Images a bank item may carry. */
  maxImagesPerItem: number;
  /** Largest chunk of a chunked upload, in bytes. */
  chunkBytes: number;
  /** Bytes every school may keep, unless `schoolQuotaBytes` names it. */
  defaultSchoolQuotaBytes: number;
  /** Per school (by code): bytes it may keep. */
  schoolQuotaBytes: Readonly<Record<string, number>>;
}

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxDocumentBytes: number;
}

export interface LoginThrottle {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowSeconds: number;
}

export interface PasswordCheckLimits {
  /** Checks that hash at once (each takes ~128 MiB and a core for a fraction of a second at cost 17). */
  concurrency: number;
  /** Checks that may wait for a turn beyond those running; more are refused as busy. */
  maxWaiting: number;
  /** Checks of one client address running or waiting at once, so one address cannot fill the queue. */
  maxPerAddress: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function intFrom(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function boolFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function originsFrom(env: Env, name: string): string[] {
  const origins = (env[name] ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    // Browsers send the serialised origin, so only that exact form can ever match.
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(`${name} must list origins such as https://homework.example.cn (scheme, host and port only: no path, no trailing slash, no default port), got "${origin}"`);
    }
  }
  return origins;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** The file in the data folder that keeps a generated token key. */
export const AUTH_TOKEN_SECRET_FILE = 'auth-token-secret';
const MIN_SECRET_LENGTH = 32;

/** Reads the configuration; throws ConfigError naming the variable that is wrong. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const embeddedDataDir = path.resolve(env.EMBEDDED_DATA_DIR || path.join('.data', 'pglite'));
  const dataDir = env.DATA_DIR ? path.resolve(env.DATA_DIR) : databaseUrl ? undefined : embeddedDataDir;
  let authTokenSecret = env.AUTH_TOKEN_SECRET ?? '';
  let authTokenSecretIsEphemeral = false;
  let authTokenSecretFile: string | undefined;
  if (authTokenSecret === '') {
    if (dataDir) {
      authTokenSecretFile = path.join(dataDir, AUTH_TOKEN_SECRET_FILE);
    } else if (nodeEnv === 'production') {
      throw new ConfigError(
        'AUTH_TOKEN_SECRET is required when NODE_ENV=production with DATABASE_URL: set it (the same on every instance), ' +
        'or set DATA_DIR to a folder where the service keeps a key it generates',
      );
    }
    // A random key for this process: for good without a data folder (development only), else
    // until keepAuthTokenSecret replaces it with the kept one.
    authTokenSecret = randomBytes(32).toString('hex');
    authTokenSecretIsEphemeral = true;
  } else if (authTokenSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`AUTH_TOKEN_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info')) as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return {
    nodeEnv,
    port: intFrom(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    embeddedDataDir,
    dataDir,
    databasePoolSize: intFrom(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    authTokenSecret,
    authTokenSecretIsEphemeral,
    authTokenSecretFile,
    authTokenTtlSeconds: intFrom(env, 'AUTH_TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    // OWASP: scrypt N=2^17, r=8, p=1. Lower values are only for tests.
    passwordHashCost: intFrom(env, 'PASSWORD_HASH_COST', 17, 10, 20),
    seedDemoOnEmptyDatabase: boolFrom(env, 'SEED_DEMO', !databaseUrl),
    migrateOnStart: boolFrom(env, 'MIGRATE_ON_START', !databaseUrl),
    logLevel,
    shutdownTimeoutMs: intFrom(env, 'SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
    queryLimits: {
      maxDepth: intFrom(env, 'MAX_QUERY_DEPTH', 8, 2, 50),
      maxAliases: intFrom(env, 'MAX_QUERY_ALIASES', 15, 0, 1000),
      maxCost: intFrom(env, 'MAX_QUERY_COST', 50000, 10, 10_000_000),
      maxTokens: intFrom(env, 'MAX_QUERY_TOKENS', 3000, 100, 1_000_000),
      maxDocumentBytes: intFrom(env, 'MAX_DOCUMENT_BYTES', 20000, 1000, 1_000_000),
    },
    loginThrottle: {
      maxFailuresPerAccount: intFrom(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
      maxFailuresPerAddress: intFrom(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 100, 1, 100000),
      windowSeconds: intFrom(env, 'LOGIN_WINDOW_SECONDS', 900, 10, 86400),
    },
    passwordChecks: {
      // A core is left to the event loop (and the embedded database, which runs on it).
      concurrency: intFrom(env, 'PASSWORD_CHECK_CONCURRENCY', Math.min(4, Math.max(1, availableParallelism() - 1)), 1, 64),
      maxWaiting: intFrom(env, 'PASSWORD_CHECK_QUEUE', 16, 0, 10000),
      maxPerAddress: intFrom(env, 'PASSWORD_CHECKS_PER_ADDRESS', 8, 1, 10000),
    },
    workers: intFrom(env, 'WEB_CONCURRENCY', availableParallelism(), 1, 256),
    trustProxy: boolFrom(env, 'TRUST_PROXY', false),
    corsOrigins: originsFrom(env, 'CORS_ORIGINS'),
    files: filesFrom(env, dataDir),
  };
}

const MB = 1024 * 1024;

function filesFrom(env: Env, dataDir: string | undefined): FileConfig {
  const storageUrl = env.STORAGE_URL || undefined;
  if (storageUrl) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(storageUrl);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['s3+http:', 's3+https:'].includes(parsed.protocol) || !parsed.username || !parsed.password || parsed.pathname.split('/').filter(Boolean).length !== 1) {
      throw new ConfigError('STORAGE_URL must look like s3+https://ACCESS_KEY:SECRET_KEY@host[:port]/bucket[?region=cn-north-1&style=path|virtual] (URL-encode the keys)');
    }
  }
  const schoolQuotaBytes: Record<string, number> = {};
  for (const part of (env.STORAGE_SCHOOL_QUOTAS_MB ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([\w.-]+)=(\d+)$/.exec(part);
    if (!m) throw new ConfigError(`STORAGE_SCHOOL_QUOTAS_MB must list school codes with megabytes, e.g. shiyan=20000,beixiao=5000, got "${part}"`);
    schoolQuotaBytes[m[1]] = Number(m[2]) * MB;
  }
  return {
    storageUrl,
    storageDir: dataDir ? path.join(dataDir, 'files') : path.resolve('.data', 'files'),
    maxBytes: {
      image: intFrom(env, 'UPLOAD_MAX_IMAGE_MB', 15, 1, 200) * MB,
      audio: intFrom(env, 'UPLOAD_MAX_AUDIO_MB', 30, 1, 500) * MB,
      pdf: intFrom(env, 'UPLOAD_MAX_PDF_MB', 20, 1, 500) * MB,
    },
    maxPhotosPerWork: intFrom(env, 'UPLOAD_MAX_PHOTOS', 9, 1, 50),
    maxImagesPerItem: intFrom(env, 'UPLOAD_MAX_ITEM_IMAGES', 6, 1, 50),
    chunkBytes: intFrom(env, 'UPLOAD_CHUNK_KB', 1024, 16, 16 * 1024) * 1024,
    defaultSchoolQuotaBytes: intFrom(env, 'STORAGE_SCHOOL_QUOTA_MB', 50 * 1024, 1, 100_000_000) * MB,
    schoolQuotaBytes,
  };
}

/** The key kept in `file`, if there is one; refuses one others may read or one too short to be a key. */
function readKeptSecret(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    throw new ConfigError(`${file} holds the key that signs bearer tokens and must be readable by its owner only: chmod 600 it`);
  }
  const secret = text.trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`${file} must hold a key of at least ${MIN_SECRET_LENGTH} characters; remove it to have a new one made (everyone signs in again)`);
  }
  return secret;
}

/**
 * The configuration with its token key kept in the data folder, when AUTH_TOKEN_SECRET is
 * unset and there is one: the key in `authTokenSecretFile`, or this process's key written there
 * (mode 0600) on first start, so a restart does not sign everyone out. The file appears whole
 * or not at all (linked from a private temporary file), so processes starting together on one
 * folder end with the same key. Other configurations are returned as they are.
 */
export function keepAuthTokenSecret(config: AppConfig): AppConfig {
  const file = config.authTokenSecretFile;
  if (!file) return config;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let secret = readKeptSecret(file);
  if (secret === undefined) {
    const draft = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(draft, `${config.authTokenSecret}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(draft, file);
      secret = config.authTokenSecret;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      secret = readKeptSecret(file)!;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  return { ...config, authTokenSecret: secret, authTokenSecretIsEphemeral: false };
}
