import { toGlobalId } from '../../src/core/ids';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * Messages are Chinese by default and English when Accept-Language prefers it; codes, figures
 * and extensions are the same in both.
 */
let t: TestApp;
let office: string;

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  office = await t.login('jiaowu');
});
afterAll(() => t?.stop());

const SET_CAP = `mutation { loadPolicySet(input: { grade: 5, dayKind: SCHOOL_DAY, writtenCapMinutes: 70 }) {
  cap { capMinutes } userErrors { code field message figures { name value } } } }`;
const FIGURES = [{ name: 'nationalCapMinutes', value: 60 }, { name: 'requestedCapMinutes', value: 70 }, { name: 'excessMinutes', value: 10 }];

describe('a refusal (userErrors)', () => {
  it('reads Chinese by default, naming the rule and by how much', async () => {
    const { data } = await t.gql(SET_CAP, {}, office);
    expect(data).toBeDefined();
    expect(data.loadPolicySet).toEqual({
      cap: null,
      userErrors: [{ code: 'LOOSER_THAN_NATIONAL', field: ['writtenCapMinutes'], message: '五年级书面作业国家上限为每天 60 分钟，学校上限只能更严：70 分钟超出 10 分钟', figures: FIGURES }],
    });
  });

  it('reads English with Accept-Language: en, with the same code, field and figures', async () => {
    const { data } = await t.gql(SET_CAP, {}, office, { 'accept-language': 'en' });
    expect(data.loadPolicySet).toEqual({
      cap: null,
      userErrors: [{
        code: 'LOOSER_THAN_NATIONAL', field: ['writtenCapMinutes'],
        message: 'Grade 5 may have at most 60 minutes of written homework a day nationally; 70 is looser by 10', figures: FIGURES,
      }],
    });
  });

  it('follows the preferred language of the header', async () => {
    const zh = await t.gql(SET_CAP, {}, office, { 'accept-language': 'en;q=0.5, zh-CN' });
    expect(zh.data.loadPolicySet.userErrors[0].message).toMatch(/^五年级/);
    const en = await t.gql(SET_CAP, {}, office, { 'accept-language': 'fr, en-GB;q=0.8, zh;q=0.3' });
    expect(en.data.loadPolicySet.userErrors[0].message).toMatch(/^Grade 5/);
  });
});

describe('a top-level error', () => {
  const CLASS = `query($id: ID!) { class(id: $id) { name } }`;

  it('NOT_FOUND and BAD_USER_INPUT read Chinese by default and English on request, extensions unchanged', async () => {
    const missing = toGlobalId('Class', '00000000-0000-4000-8000-000000000000');
    const zh = await t.gql(CLASS, { id: missing }, office);
    const en = await t.gql(CLASS, { id: missing }, office, { 'accept-language': 'en-US,en;q=0.9' });
    expect(zh.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Class' });
    expect(en.errors![0].extensions).toEqual(zh.errors![0].extensions);
    expect(zh.errors![0].message).toBe('找不到该班级（00000000-0000-4000-8000-000000000000）');
    expect(en.errors![0].message).toBe('The class 00000000-0000-4000-8000-000000000000 was not found');

    const badZh = await t.gql(CLASS, { id: 'garbage' }, office);
    const badEn = await t.gql(CLASS, { id: 'garbage' }, office, { 'accept-language': 'en' });
    expect(badZh.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'INVALID_ID' });
    expect(badZh.errors![0].message).toBe('id 不是有效的班级编号');
    expect(badEn.errors![0].message).toBe('id is not a valid Class id');
  });

  it('UNAUTHENTICATED and a class-validator refusal too', async () => {
    const zh = await t.expectToFail('UNAUTHENTICATED', `{ me { id } }`);
    expect(zh.message).toBe('请先登录：此操作需要登录凭证（Bearer 令牌）');
    const en = await t.gql(`{ me { id } }`, {}, undefined, { 'accept-language': 'en' });
    expect(en.errors![0]).toMatchObject({ message: 'Sign in first: this operation needs a bearer token', extensions: { code: 'UNAUTHENTICATED' } });

    const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
    const input = { schoolCode: 'test-a', username: 'x', password: '' };
    const invalidZh = await t.expectToFail('BAD_USER_INPUT', LOGIN, { input });
    const invalidEn = (await t.gql(LOGIN, { input }, undefined, { 'accept-language': 'en' })).errors![0];
    expect(invalidZh.message).toMatch(/^输入有误——/);
    expect(invalidEn.message).toMatch(/^Invalid input — /);
    expect(invalidEn.extensions!.fields.map((f: any) => f.field)).toEqual(invalidZh.extensions!.fields.map((f: any) => f.field));
  });

  it('HTTP-level refusals are translated too', async () => {
    const body = (lang?: string) => fetch(`${t.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) }, body: '{not json',
    }).then((r) => r.json() as Promise<{ errors: { message: string; extensions: unknown }[] }>);
    expect((await body()).errors[0]).toEqual({ message: '请求体不是有效的 JSON', extensions: { code: 'BAD_REQUEST' } });
    expect((await body('en')).errors[0]).toEqual({ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } });
  });

  it('refusals made before anything runs (a query limit, text that cannot be kept), and a malformed token', async () => {
    const ALIASES = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const limitZh = await t.expectToFail('QUERY_LIMIT_EXCEEDED', ALIASES, {}, office);
    const limitEn = (await t.gql(ALIASES, {}, office, { 'accept-language': 'en' })).errors![0];
    expect(limitZh.message).toBe('查询超出了别名数量限制：16 > 15');
    expect(limitEn).toMatchObject({ message: 'The query exceeds the aliases limit: 16 > 15', extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'aliases', value: 16, max: 15 } });
    expect(limitZh.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'aliases', value: 16, max: 15 });

    const CLASS = `query($id: ID!) { class(id: $id) { name } }`;
    const nulZh = await t.expectToFail('BAD_USER_INPUT', CLASS, { id: 'a\u0000b' }, office);
    const nulEn = (await t.gql(CLASS, { id: 'a\u0000b' }, office, { 'accept-language': 'en' })).errors![0];
    expect(nulZh.message).toBe('输入有误——id: 含有 NUL 字符（U+0000）');
    expect(nulEn.message).toBe('Invalid input — id: contains a NUL character (U+0000)');

    const staleZh = await t.expectToFail('UNAUTHENTICATED', `{ me { id } }`, {}, 'not-a-token');
    const staleEn = (await t.gql(`{ me { id } }`, {}, 'not-a-token', { 'accept-language': 'en' })).errors![0];
    expect(staleZh.message).toBe('登录令牌格式不正确');
    expect(staleEn).toMatchObject({ message: 'The bearer token is malformed', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('the upload endpoint answers in the language asked for', async () => {
    const upload = (lang?: string) => fetch(`${t.url}/uploads`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) }, body: '{}',
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { errors: { message: string; extensions: unknown }[] } }));
    expect(await upload()).toEqual({ status: 401, body: { errors: [{ message: '请先登录再上传文件', extensions: { code: 'UNAUTHENTICATED' } }] } });
    expect(await upload('en')).toEqual({ status: 401, body: { errors: [{ message: 'Sign in first to upload files', extensions: { code: 'UNAUTHENTICATED' } }] } });
  });

  it("the upload protocol's own refusals too: a body that is not JSON, a wrong method, a chunk from the wrong byte", async () => {
    const send = (path: string, init: RequestInit, lang?: string) => fetch(`${t.url}${path}`, {
      ...init, headers: { authorization: `Bearer ${office}`, ...(lang ? { 'accept-language': lang } : {}), ...(init.headers as Record<string, string> ?? {}) },
    }).then(async (r) => ({ status: r.status, error: ((await r.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0] }));
    const notJson = { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'name=作业.jpg' };
    expect(await send('/uploads', notJson)).toMatchObject({ status: 400, error: { message: '请求内容须为 JSON：{"name": "作业.jpg", "sizeBytes": 123456}', extensions: { code: 'BAD_REQUEST' } } });
    expect(await send('/uploads', notJson, 'en')).toMatchObject({ status: 400, error: { message: 'The body must be JSON: {"name": "作业.jpg", "sizeBytes": 123456}' } });
    expect(await send('/uploads', { method: 'PUT' })).toMatchObject({ status: 405, error: { message: '开始上传请用 POST /uploads', extensions: { code: 'METHOD_NOT_ALLOWED' } } });
    expect(await send('/uploads', { method: 'PUT' }, 'en')).toMatchObject({ status: 405, error: { message: 'POST /uploads starts an upload' } });
    const started = await fetch(`${t.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: '作业.jpg', sizeBytes: 5000 }) });
    expect(started.status).toBe(201);
    const at = new URL(started.headers.get('location')!, t.url).pathname;
    const chunk = { method: 'PATCH', headers: { 'upload-offset': '100', 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(100) };
    expect(await send(at, chunk)).toMatchObject({ status: 409, error: { message: '上传已到第 0 字节，请从这里接着发送（Upload-Offset: 0）', extensions: { code: 'UPLOAD_OFFSET_MISMATCH' } } });
    expect(await send(at, chunk, 'en')).toMatchObject({ status: 409, error: { message: 'The upload is at byte 0; send the bytes from there (Upload-Offset: 0)' } });
  });
});

describe('requests in both languages at the same time', () => {
  it('each read their own language, refusals and top-level errors alike', async () => {
    const missing = toGlobalId('Class', '00000000-0000-4000-8000-000000000000');
    const langs = Array.from({ length: 16 }, (_, i) => (i % 2 ? 'en' : 'zh-CN'));
    const answers = await Promise.all(langs.map((lang, i) => (i % 4 < 2
      ? t.gql(SET_CAP, {}, office, { 'accept-language': lang }).then((r) => r.data.loadPolicySet.userErrors[0].message as string)
      : t.gql(`query($id: ID!) { class(id: $id) { name } }`, { id: missing }, office, { 'accept-language': lang }).then((r) => r.errors![0].message))));
    answers.forEach((message, i) => {
      const expected = i % 4 < 2
        ? (langs[i] === 'en' ? /^Grade 5 may have at most 60 minutes/ : /^五年级书面作业国家上限/)
        : (langs[i] === 'en' ? /^The class .* was not found$/ : /^找不到该班级/);
      expect(message).toMatch(expected);
    });
  });
});
