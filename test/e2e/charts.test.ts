import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { toGlobalId } from '../../src/core/ids';
import { CJK_FONT_STACK } from '../../src/modules/chart/chart.service';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { DEMO_PASSWORDS } from '../../seeds/demo';
import { graphql } from '../graphql';
import { describeWithBrowser, dumpDom, screenshot } from '../support/browser';
import { darkPixels, decodePng, differingPixels } from '../support/png';
import { TestApp } from '../support/test-app';
import { runDir } from '../support/test-run';
import { createAndPublish, ids, insertItem, packages } from '../support/assignments';

/** Charts of the load as SVG behind signed links, checked in a headless browser, and the explorer offline. */
const SCHOOL = { code: 'chart-test', name: '测试壬校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 2, nameSeed: 41 };
let t: TestApp;
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t5yw1', 't5sx1', 's50101', 'p50101', 'p50102', 'jiaowu']) tok[u] = await t.login(u);
  for (const [subject, teacher] of [['chinese', 't5yw1'], ['math', 't5sx1']] as const) {
    const a = await insertItem(t, { subject, grade: 5, title: `${subject}-A`, minutes: 15 });
    const b = await insertItem(t, { subject, grade: 5, title: `${subject}-B`, minutes: 20 });
    const { assignment } = await createAndPublish(t, tok[teacher], { ...ids(t, 5, subject), date: '2026-12-01', shape: 'PACKAGES', title: `${subject}作业`, options: packages(a, b) });
    await t.op(graphql(`mutation ChartsSubmit($i: SubmissionCreateInput!) { submissionCreate(input: $i) { userErrors { code } } }`),
      { i: { assignmentId: assignment.id, choice: 'B', answer: '完成', attachments: [], actualMinutes: 25, clientKey: `chart-${subject}-s50101` } }, tok.s50101);
  }
});
afterAll(() => t?.stop());

const CLASS_LOAD = graphql(`query ChartsClassLoadUrl($c: ID!, $from: LocalDate!, $to: LocalDate!) { classLoadChartUrl(classId: $c, from: $from, to: $to) }`);
const WEEK = { from: '2026-11-30', to: '2026-12-04' };
const classLoadUrl = async (token: string) => (await t.op(CLASS_LOAD, { c: ids(t, 5, 'math').classId, ...WEEK }, token)).classLoadChartUrl;

it('serves the class load chart as SVG behind a signed link', async () => {
  const url = await classLoadUrl(tok.t5yw1);
  expect(url).toMatch(/^\/charts\/class-load\.svg\?p=.+&s=.+$/);
  const res = await fetch(`${t.url}${url}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('image/svg+xml');
  const svg = await res.text();
  expect(svg).toContain('<svg');
  for (const text of ['语文', '数学', '预计', '实际', '12-01']) expect(svg).toContain(text);
});

it('refuses a tampered link and readers who may not see the report', async () => {
  const url = await classLoadUrl(tok.t5yw1);
  expect((await fetch(`${t.url}${url.replace(/s=.{4}/, 's=AAAA')}`)).status).toBe(403);
  expect((await fetch(`${t.url}${url.replace('class-load', 'student-week')}`)).status).toBe(403);
  await t.expectToFail('FORBIDDEN', CLASS_LOAD.toString(), { c: ids(t, 5, 'math').classId, ...WEEK }, tok.s50101);
});

it("a student's week: for the student and their parents, not other parents", async () => {
  const Q = graphql(`query ChartsStudentWeekUrl($s: ID!, $w: LocalDate!) { studentWeekChartUrl(studentId: $s, weekStart: $w) }`);
  const { studentWeekChartUrl } = await t.op(Q, { s: toGlobalId('User', t.user('s50101').id), w: '2026-11-30' }, tok.p50101);
  const res = await fetch(`${t.url}${studentWeekChartUrl}`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain(t.user('s50101').displayName);
  await t.expectToFail('NOT_FOUND', Q.toString(), { s: toGlobalId('User', t.user('s50101').id), w: '2026-11-30' }, tok.p50102);
});

it('a link ends with the session it was made in: sign-out and password change revoke it', async () => {
  const before = await t.login('t5sx1');
  const url = await classLoadUrl(before);
  expect((await fetch(`${t.url}${url}`)).status).toBe(200);
  await t.op(graphql(`mutation ChartsLogout { logout { revoked } }`), {}, before);
  const refused = await fetch(`${t.url}${url}`);
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { errors: { message: string }[] }).errors[0].message).toBe('图表链接无效或已过期，请在报表中重新获取链接');

  const after = await t.login('t5sx1');
  const fresh = await classLoadUrl(after);
  expect((await fetch(`${t.url}${fresh}`)).status).toBe(200);
  const { passwordChange } = await t.op(graphql(`mutation ChartsPasswordChange($i: PasswordChangeInput!) { passwordChange(input: $i) { token userErrors { code } } }`),
    { i: { currentPassword: DEMO_PASSWORDS.staff, newPassword: `${DEMO_PASSWORDS.staff}-new` } }, after);
  expect(passwordChange.userErrors).toEqual([]);
  expect((await fetch(`${t.url}${fresh}`)).status).toBe(403);
  expect((await fetch(`${t.url}${await classLoadUrl(passwordChange.token!)}`)).status).toBe(200);
});

describeWithBrowser('in a headless browser, with no network', () => {
  it('draws the chart', async () => {
    const png = await screenshot(`${t.url}${await classLoadUrl(tok.jiaowu)}`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(3000);
  });

  /**
   * A fontconfig that sees every font of the machine but those with Chinese glyphs: the
   * browser of a viewer without CJK fonts, who gets empty boxes (tofu) for Chinese text.
   */
  function withoutCjkFonts(): Record<string, string> {
    const files = (args: string[]) => execFileSync('fc-list', [...args, '--format', '%{file}\\n'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const cjk = new Set(files([':lang=zh']));
    const dir = fs.mkdtempSync(path.join(runDir(), 'fonts-without-cjk-'));
    fs.mkdirSync(path.join(dir, 'fonts'));
    files([]).filter((f) => !cjk.has(f)).forEach((f, i) => fs.symlinkSync(f, path.join(dir, 'fonts', `${i}-${path.basename(f)}`)));
    fs.writeFileSync(path.join(dir, 'fonts.conf'),
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${dir}/fonts</dir><cachedir>${dir}/cache</cachedir></fontconfig>`);
    return { FONTCONFIG_FILE: path.join(dir, 'fonts.conf') };
  }

  it('names a CJK font stack for every Chinese label, and the labels are drawn as glyphs, not boxes', async () => {
    const svg = await (await fetch(`${t.url}${await classLoadUrl(tok.jiaowu)}`)).text();
    const texts = [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, content]) => ({ content, font: /font-family="([^"]*)"/.exec(attributes)?.[1] }));
    const chinese = texts.filter((x) => /[\u4e00-\u9fff]/.test(x.content));
    expect(chinese.map((x) => x.content)).toEqual(expect.arrayContaining(['语文', '数学', '预计', '实际', '日期', '分钟']));
    for (const { font } of chinese) expect(font?.replace(/&quot;/g, '"')).toBe(CJK_FONT_STACK);

    // One label alone, large, in the font the chart names, as the machine's fonts draw it and as
    // a viewer without CJK fonts sees it.
    const font = chinese.find((x) => x.content === '语文')!.font!;
    const alone = (label: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
      `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><rect width="600" height="300" fill="white"/><text x="20" y="160" font-size="120" font-family="${font}">${label}</text></svg>`)}`;
    const noCjk = withoutCjkFonts();
    const [yuwen, shuxue, yuwenTofu, shuxueTofu] = await Promise.all([
      screenshot(alone('语文'), '600,300'),
      screenshot(alone('数学'), '600,300'),
      screenshot(alone('语文'), '600,300', noCjk),
      screenshot(alone('数学'), '600,300', noCjk),
    ]).then((shots) => shots.map(decodePng));
    // Without CJK fonts every character is the same box, so two labels look alike...
    expect(darkPixels(yuwenTofu)).toBeGreaterThan(100);
    expect(differingPixels(yuwenTofu, shuxueTofu)).toBe(0);
    // ...with them each is its own glyph, unlike the boxes.
    expect(darkPixels(yuwen)).toBeGreaterThan(1000);
    expect(differingPixels(yuwen, shuxue)).toBeGreaterThan(1000);
    expect(differingPixels(yuwen, yuwenTofu)).toBeGreaterThan(1000);
  });

  it('loads the GraphQL explorer from local assets', async () => {
    const dom = await dumpDom(`${t.url}/graphql`);
    expect(dom).toContain('graphiql-container');
  });
});
