import { Logger as TypeOrmLogger } from 'typeorm';
import { App, createApp } from '../../src/app';
import { runCli } from '../../src/cli/run';
import { AppConfig, loadConfig } from '../../src/config';
import { Database } from '../../src/core/database';
import { SettableClock } from '../../src/core/clock';
import { Logger } from '../../src/core/logger';
import { DEMO_PASSWORDS, seedSchool } from '../../seeds/demo';
import { SchoolFixture, SchoolSpec } from '../../seeds/school-fixture';
import type { TypedDocumentString } from '../graphql/graphql';
import { createTestDatabase } from './test-database';

export interface GraphQLResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  headers: Headers;
}

export const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789';

/** Where the test service's clock starts (see TestApp.clock). */
export const TEST_NOW = '2026-09-01T08:00:00+08:00';

/**
 * A running service on a fresh database, reached over real HTTP. Each test file starts its
 * own on a copy of the run's database seeded with the schools it needs (test-database.ts).
 */
export class TestApp {
  private constructor(
    readonly db: Database,
    readonly app: App,
    readonly url: string,
    readonly config: AppConfig,
    readonly schools: SchoolFixture[],
    /**
     * The service's clock. Tests never depend on the real time of day: it starts at 08:00 China
     * Standard Time on 2026-09-01, before every day the tests publish homework for; a test of a
     * time rule sets the instant it needs.
     */
    readonly clock: SettableClock,
  ) {}

  static async start(specs: SchoolSpec[], env: Record<string, string> = {}, queryLogger?: TypeOrmLogger): Promise<TestApp> {
    const config = TestApp.configFor(env);
    const db = await createTestDatabase({ seed: { schools: specs, passwordHashCost: config.passwordHashCost }, queryLogger });
    try {
      return await TestApp.serve(db, db.schools, config);
    } catch (e) {
      await db.close();
      throw e;
    }
  }

  /** The service on a database the test opened itself (migrated), seeded with `specs`. */
  static async startOn(db: Database, specs: SchoolSpec[], env: Record<string, string> = {}): Promise<TestApp> {
    const config = TestApp.configFor(env);
    const schools: SchoolFixture[] = [];
    for (const spec of specs) schools.push(await seedSchool(db.dataSource, spec, config.passwordHashCost));
    return TestApp.serve(db, schools, config);
  }

  private static configFor(env: Record<string, string>): AppConfig {
    return loadConfig({ ...process.env, AUTH_TOKEN_SECRET: TEST_SECRET, ...env });
  }

  private static async serve(db: Database, schools: SchoolFixture[], config: AppConfig): Promise<TestApp> {
    const clock = new SettableClock(TEST_NOW);
    const app = await createApp(config, db, new Logger(process.env.TEST_LOG_LEVEL as 'error' ?? 'silent'), { clock });
    // Tests recalibrate when they say so (drainCalibrations), not on the worker's clock.
    await app.calibrations.stop();
    const url = await app.listen(0, '127.0.0.1');
    return new TestApp(db, app, url, config, schools, clock);
  }

  /** Recalibrates what hand-ins and record sheets queued, now (the service's worker, stopped in tests, would within a second). */
  async drainCalibrations(): Promise<number> {
    return this.app.calibrations.drain();
  }

  async stop(): Promise<void> {
    await this.app.close();
  }

  /**
   * Runs the operators' command (`homework …`) on this test's database and configuration, as
   * operators run it; its lines go to `out` and `err` (the same list unless given). Its exit code.
   */
  cli(argv: string[], out: string[] = [], err: string[] = out): Promise<number> {
    return runCli(argv, {
      io: { out: (l) => out.push(l), err: (l) => err.push(l), progress: { update: () => undefined, done: () => undefined } },
      loadConfig: () => this.config,
      openDatabase: async () => ({ ...this.db, close: async () => undefined }),
    });
  }

  /** Runs a GraphQL operation over HTTP. */
  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<GraphQLResult<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: GraphQLResult['errors'] };
    return { status: res.status, data: body.data ?? undefined, errors: body.errors, headers: res.headers };
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const result = await this.gql<T>(query, variables, token);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /**
   * Runs a typed operation (written as `graphql(\`…\`)` from test/graphql, generated from the
   * schema by `npm run codegen:test`) that must succeed; its data has the operation's type.
   */
  async op<R, V>(document: TypedDocumentString<R, V>, ...[variables, token]: V extends Record<string, never> ? [V?, string?] : [V, string?]): Promise<R> {
    return this.ok<R>(document.toString(), (variables ?? {}) as Record<string, unknown>, token);
  }

  /** Runs an operation that must fail with a top-level error of `code`; returns the error. */
  async expectToFail(code: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
    const result = await this.gql(query, variables, token);
    const codes = (result.errors ?? []).map((e) => e.extensions?.code);
    if (!codes.includes(code)) {
      throw new Error(`expected ${code}, got ${JSON.stringify(result.errors ?? result.data)}`);
    }
    return result.errors!.find((e) => e.extensions?.code === code)!;
  }

  /** Signs in a seeded user by username (school = first school unless given); returns the token. */
  async login(username: string, schoolCode = this.schools[0].spec.code): Promise<string> {
    const school = this.schools.find((s) => s.spec.code === schoolCode)!;
    const user = school.users.find((u) => u.username === username);
    if (!user) throw new Error(`no fixture user ${username} in ${schoolCode}`);
    const data = await this.ok(
      `mutation($input: LoginInput!) { login(input: $input) { token } }`,
      { input: { schoolCode, username, password: DEMO_PASSWORDS[user.password] } },
    );
    return data.login.token;
  }

  user(username: string, schoolIndex = 0) {
    const user = this.schools[schoolIndex].users.find((u) => u.username === username);
    if (!user) throw new Error(`no fixture user ${username}`);
    return user;
  }
}
