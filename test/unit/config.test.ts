import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AUTH_TOKEN_SECRET_FILE, ConfigError, keepAuthTokenSecret, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('defaults to the embedded database on port 4000 with the OWASP scrypt cost', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(4000);
    expect(config.passwordHashCost).toBe(17);
    expect(config.seedDemoOnEmptyDatabase).toBe(true);
    expect(config.authTokenSecretIsEphemeral).toBe(true);
  });

  it('uses DATABASE_URL and then seeds only when asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(config.databaseUrl).toBe('postgres://u@h:5432/db');
    expect(config.seedDemoOnEmptyDatabase).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', SEED_DEMO: 'true' }).seedDemoOnEmptyDatabase).toBe(true);
  });

  it.each([
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/db' }, 'AUTH_TOKEN_SECRET is required when NODE_ENV=production with DATABASE_URL'],
    [{ CORS_ORIGINS: 'https://app.example.cn/' }, 'CORS_ORIGINS must list origins'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS must list origins'],
    [{ CORS_ORIGINS: 'https://app.example.cn:443' }, 'CORS_ORIGINS must list origins'],
    [{ CORS_ORIGINS: 'app.example.cn' }, 'CORS_ORIGINS must list origins'],
    [{ AUTH_TOKEN_SECRET: 'short' }, 'at least 32'],
    [{ PORT: 'eighty' }, 'PORT must be an integer'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be'],
    [{ PASSWORD_HASH_COST: '4' }, 'PASSWORD_HASH_COST must be an integer between 10 and 20'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads CORS_ORIGINS as exact origins; none means same origin only', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: ' https://app.example.cn , http://localhost:5173,' }).corsOrigins)
      .toEqual(['https://app.example.cn', 'http://localhost:5173']);
  });
});

describe('the token key without AUTH_TOKEN_SECRET', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-test-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is kept in the data folder: the embedded database's, else DATA_DIR; with DATABASE_URL alone, nowhere", () => {
    const embedded = path.join(dir, 'pglite');
    expect(loadConfig({ EMBEDDED_DATA_DIR: embedded }).authTokenSecretFile).toBe(path.join(embedded, AUTH_TOKEN_SECRET_FILE));
    expect(loadConfig({ EMBEDDED_DATA_DIR: embedded, DATA_DIR: dir }).authTokenSecretFile).toBe(path.join(dir, AUTH_TOKEN_SECRET_FILE));
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATA_DIR: dir, NODE_ENV: 'production' }).authTokenSecretFile).toBe(path.join(dir, AUTH_TOKEN_SECRET_FILE));
    const serverOnly = loadConfig({ DATABASE_URL: 'postgres://u@h/db' });
    expect(serverOnly.authTokenSecretFile).toBeUndefined();
    expect(keepAuthTokenSecret(serverOnly)).toEqual(serverOnly);
    expect(serverOnly.authTokenSecretIsEphemeral).toBe(true);
    const given = loadConfig({ AUTH_TOKEN_SECRET: 'a'.repeat(32), DATA_DIR: dir });
    expect(given.authTokenSecretFile).toBeUndefined();
    expect(keepAuthTokenSecret(given).authTokenSecret).toBe('a'.repeat(32));
  });

  it('is made on first start, readable by its owner only, and the same key after a restart', () => {
    const dataDir = path.join(dir, 'data');
    const first = keepAuthTokenSecret(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' }));
    const file = path.join(dataDir, AUTH_TOKEN_SECRET_FILE);
    expect(first.authTokenSecretIsEphemeral).toBe(false);
    expect(first.authTokenSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first.authTokenSecret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual([AUTH_TOKEN_SECRET_FILE]);

    const restarted = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' });
    expect(restarted.authTokenSecret).not.toBe(first.authTokenSecret);
    expect(keepAuthTokenSecret(restarted).authTokenSecret).toBe(first.authTokenSecret);
  });

  it('refuses a kept key that others may read, or one too short to be a key', () => {
    const file = path.join(dir, AUTH_TOKEN_SECRET_FILE);
    const config = loadConfig({ DATA_DIR: dir });
    fs.writeFileSync(file, 'k'.repeat(64), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(() => keepAuthTokenSecret(config)).toThrow(/readable by its owner only: chmod 600/);
    fs.chmodSync(file, 0o600);
    expect(keepAuthTokenSecret(config).authTokenSecret).toBe('k'.repeat(64));
    fs.writeFileSync(file, 'short\n');
    expect(() => keepAuthTokenSecret(config)).toThrow(ConfigError);
    expect(() => keepAuthTokenSecret(config)).toThrow(/at least 32 characters/);
  });
});
