import { ConfigError, loadConfig } from '../../src/config';

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
    [{ NODE_ENV: 'production' }, 'AUTH_TOKEN_SECRET is required'],
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
});
