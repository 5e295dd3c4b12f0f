import { graphql } from '../graphql';
import type { LimitsLoginMutation } from '../graphql/graphql';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/** Query limits and sign-in throttling: each refusal names its limit. */
let t: TestApp;
let office: string;

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL], {
    MAX_QUERY_COST: '3000', MAX_DOCUMENT_BYTES: '4000', MAX_QUERY_TOKENS: '400',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '8',
  });
  office = await t.login('jiaowu');
});
afterAll(() => t?.stop());

/**
 * The documents here are sent as written (depth, aliases, size, tokens are what is tested), so
 * their data stays `unknown`; what the tests read of an answer is its errors.
 */
const limitOf = async (query: string, token = office) => {
  const result = await t.gql<unknown>(query, {}, token);
  return { status: result.status, error: result.errors?.[0] };
};

describe('query limits', () => {
  it('refuses a query deeper than 8', async () => {
    const { error } = await limitOf(`{ me { class { headTeacher { class { headTeacher { class { headTeacher { class { headTeacher { id } } } } } } } } } }`);
    expect(error).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'depth', max: 8 } });
    expect(error!.message).toBe('查询超出了嵌套深度限制：9 > 8');
  });

  it('refuses more than 15 aliases', async () => {
    const fields = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
    // (16 = one past the default of 15; the refusal names value and max)
    const { error } = await limitOf(`{ ${fields} }`);
    expect(error).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'aliases', value: 16, max: 15 } });
  });

  it('refuses a query whose lists multiply past the cost limit, counting `first`', async () => {
    const { error } = await limitOf(`{ users(first: 100) { edges { node { children { student { teachingAssignments { class { name } } } } } } } }`);
    expect(error).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost', max: 3000 } });
    const small = await t.gql<unknown>(`{ users(first: 5) { edges { node { username } } } }`, {}, office);
    expect(small.errors).toBeUndefined();
  });

  it('refuses an oversized document and one with too many tokens', async () => {
    const big = await limitOf(`{ me { id } } # ${'x'.repeat(5000)}`);
    expect(big.status).toBe(413);
    expect(big.error).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'document size' } });
    const many = await limitOf(`{ ${Array.from({ length: 150 }, () => 'me { id }').join(' ')} }`);
    expect(many.status).toBe(400);
    expect(many.error).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'tokens' } });
  });

  it('accepts each limit exactly at its value', async () => {
    // depth 8
    const deep = await t.gql<unknown>(`{ me { class { headTeacher { class { headTeacher { class { headTeacher { id } } } } } } } }`, {}, office);
    expect(deep.errors?.filter((e) => e.extensions?.code === 'QUERY_LIMIT_EXCEEDED')).toBeUndefined();
    // 15 aliases
    const aliases = await t.gql<unknown>(`{ ${Array.from({ length: 15 }, (_, i) => `a${i}: me { id }`).join(' ')} }`, {}, office);
    expect(aliases.errors).toBeUndefined();
    // 400 tokens: "{ me { id" + 394 × "id" + "} }" is 6 + 394; one more is refused
    const tokens = (n: number) => `{ me { id ${'id '.repeat(n)}} }`;
    expect((await t.gql<unknown>(tokens(394), {}, office)).errors).toBeUndefined();
    expect((await limitOf(tokens(395))).error).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'tokens' } });
    // 4000 bytes (a Chinese character is 3): exactly at the limit passes, one byte more is refused
    const sized = (bytes: number) => { const head = '{ me { id } } # 作业'; return head + 'x'.repeat(bytes - Buffer.byteLength(head)); };
    expect((await t.gql<unknown>(sized(4000), {}, office)).errors).toBeUndefined();
    expect((await limitOf(sized(4001))).error).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'document size', value: 4001, max: 4000 } });
    // a page of 100 is served, 101 is refused naming the argument
    expect((await t.gql<unknown>(`{ users(first: 100) { edges { node { id } } } }`, {}, office)).errors).toBeUndefined();
    const page = await t.gql<unknown>(`{ users(first: 101) { edges { node { id } } } }`, {}, office);
    expect(page.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('leaves introspection alone in development', async () => {
    const result = await t.gql<unknown>(`{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`);
    expect(result.errors).toBeUndefined();
  });
});

describe('sign-in throttling', () => {
  const LOGIN = graphql(`mutation LimitsLogin($i: LoginInput!) { login(input: $i) { token } }`);
  // Sent with t.gql, not t.op: a refused sign-in is what these tests look at.
  const attempt = (username: string, password: string) => t.gql<LimitsLoginMutation>(LOGIN.toString(), { i: { schoolCode: 'test-a', username, password } });

  it('locks an account after 3 failures, even for the right password, and says when to retry', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('s30201', 'wrong-one')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const locked = (await attempt('s30201', 'xuesheng2026')).errors![0];
    expect(locked.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', maxFailures: 3 });
    expect(locked.extensions!.retryAfterSeconds).toBeGreaterThan(800);
    expect(locked.message).toContain('该账号登录失败次数过多');
    // Another account from elsewhere is unaffected… (same address, below its limit)
    expect((await attempt('s30202', 'xuesheng2026')).data?.login.token).toBeTruthy();
  });

  it('aliases cannot multiply guesses: a document with several sign-ins is refused before any is tried', async () => {
    const fields = Array.from({ length: 5 }, (_, i) => `a${i}: login(input: { schoolCode: "test-a", username: "s30102", password: "guess${i}" }) { token }`).join(' ');
    const counts = () => t.db.dataSource.query(`SELECT key, failures FROM login_attempts ORDER BY key`);
    const before = await counts();
    const result = await t.gql<unknown>(`mutation { ${fields} }`);
    expect(result.errors!.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'password operations', value: 5, max: 1 })]);
    expect(await counts()).toEqual(before);
  });

  it('throttles an address that tries many accounts', async () => {
    const [{ failures }] = await t.db.dataSource.query(`SELECT failures FROM login_attempts WHERE key LIKE 'address:%'`);
    const accounts = ['p30101', 'p30102', 'p30103', 'p30201'];
    for (let i = failures; i < 8; i++) await attempt(accounts[i % accounts.length], `nope-${i}`);
    const refused = (await attempt('p30202', 'jiazhang2026')).errors![0];
    expect(refused.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', maxFailures: 8 });
    expect(refused.message).toContain('该网络地址登录失败次数过多');
  });
});
