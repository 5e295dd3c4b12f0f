import type { APIRequestContext } from '@playwright/test';
import { test, expect, screenshots, expectAccessible, PHONE } from './fixtures';

/**
 * Seed 004: the lesson-prep group files next week's subject list with the academic office, which
 * coordinates each class's daily total. 三年级数学备课组 files its list; the office returns it with a
 * comment on the page 周作业清单, approves it once filed again, and the maths teacher of 三年级(1)班
 * starts Monday's homework from it with 「按周清单开始」.
 */

/** Next week's Monday in Beijing: the week the lists are filed for, the office page's first week. */
function nextMonday(): string {
  const beijing = new Date(Date.now() + 8 * 3600 * 1000);
  const weekday = (beijing.getUTCDay() + 6) % 7;
  beijing.setUTCDate(beijing.getUTCDate() - weekday + 7);
  return beijing.toISOString().slice(0, 10);
}

function api(request: APIRequestContext) {
  return async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await request.post('/graphql', {
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      data: { query, variables },
    });
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    return body.data;
  };
}

test('the office returns a weekly list with a comment, approves it once filed again, and a teacher starts the day from it', async ({ as, request, service }) => {
  test.info().annotations.push({ type: 'database', description: service.database });
  const gql = api(request);
  const login = async (username: string, password: string) =>
    (await gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { schoolCode: 'jhsy', username, password } })).login.token as string;
  const member = await login('t3sx2', 'jiaoshi2026');
  const monday = nextMonday();

  const { me } = await gql(`{ me { researchGroups { id grade subject { id code } } } }`, {}, member);
  const group = me.researchGroups.find((g: { grade: number; subject: { code: string } }) => g.grade === 3 && g.subject.code === 'math');
  const { bankItems } = await gql(`query($f: BankItemFilterInput!) { bankItems(filter: $f, first: 1) { edges { node { id unit { id } approvedVersion { title } } } } }`,
    { f: { subjectId: group.subject.id, grade: 3, statuses: ['APPROVED'], tiers: ['BASIC'] } }, member);
  const item = bankItems.edges[0].node;
  const SAVE = `mutation($i: WeeklyListSaveInput!) { weeklyListSave(input: $i) { list { id revision status } userErrors { code } } }`;
  const FILE = `mutation($i: WeeklyListFileInput!) { weeklyListFile(input: $i) { list { id revision status } userErrors { code } } }`;
  const saved = (await gql(SAVE, { i: { groupId: group.id, weekStart: monday, entries: [
    { day: monday, unitId: item.unit.id, itemId: item.id },
    { day: monday, unitId: item.unit.id, description: '口算练习：两位数乘一位数', form: 'ORAL', predictedMinutes: 5 },
  ] } }, member)).weeklyListSave;
  expect(saved.userErrors).toEqual([]);
  const filed = (await gql(FILE, { i: { listId: saved.list.id, expectedRevision: saved.list.revision } }, member)).weeklyListFile;
  expect(filed.userErrors).toEqual([]);

  const office = await as('jiaowu', 'jiaowu2026');
  await office.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '周作业清单' }).click();
  await expect(office.getByRole('heading', { name: '周作业清单' })).toBeVisible();
  await expect(office.getByText(/^截止时间：/)).toBeVisible();
  await expect(office.getByText('待审核')).toBeVisible();
  await office.getByRole('button', { name: '退回修改' }).click();
  const dialog = office.getByRole('dialog', { name: '退回三年级数学备课组的清单' });
  await expect(dialog.getByRole('button', { name: '退回' })).toBeDisabled();
  await dialog.getByLabel('修改意见（必填，备课组会看到）').fill('周一请再加一项阅读类作业');
  await dialog.getByRole('button', { name: '退回' }).click();
  await expect(office.getByText('教务处意见：周一请再加一项阅读类作业')).toBeVisible();
  await expect(office.getByText('已退回修改')).toBeVisible();
  await screenshots(office, '30-office-weekly-lists');
  await expectAccessible(office, '周作业清单');

  const { weeklyList } = await gql(`query($g: ID!, $w: LocalDate!) { weeklyList(groupId: $g, weekStart: $w) { id revision status } }`, { g: group.id, w: monday }, member);
  expect(weeklyList.status).toBe('RETURNED');
  const refiled = (await gql(FILE, { i: { listId: weeklyList.id, expectedRevision: weeklyList.revision } }, member)).weeklyListFile;
  expect(refiled.list.status).toBe('FILED');
  await office.reload();
  await office.getByRole('button', { name: '审核通过' }).click();
  await office.getByRole('button', { name: '通过', exact: true }).click();
  await expect(office.getByText('已审核通过', { exact: true })).toBeVisible();
  await office.setViewportSize(PHONE);
  await expect(office.getByText('已审核通过', { exact: true })).toBeVisible();

  const teacher = await as('t3sx1', 'jiaoshi2026');
  await teacher.goto(`/teacher/compose?date=${monday}`);
  await expect(teacher.getByRole('heading', { name: '布置作业' })).toBeVisible();
  await expect(teacher.getByText('三年级数学备课组的周作业清单')).toBeVisible();
  await expect(teacher.getByText('教务处已审核')).toBeVisible();
  await teacher.getByRole('button', { name: '按周清单开始' }).click();
  await expect(teacher.getByText('已按周清单填入题目，请检查后保存或发布。')).toBeVisible();
  await expect(teacher.getByText(/周清单中有 1 项没有关联题库题目/)).toBeVisible();
  await expect(teacher.getByRole('region', { name: '基础作业' }).getByText(item.approvedVersion.title, { exact: true })).toBeVisible();
  await screenshots(teacher, '31-compose-from-weekly-list');
  await expectAccessible(teacher, '按周清单布置作业');
});
