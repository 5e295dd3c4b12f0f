import { test, expect, graphql, screenshots, expectAccessible, expectFitsNarrowPhone, PHONE } from './fixtures';

/** A weekend of the term away from the other walks' days (their lists show a day's week): Saturday and Sunday. */
const SAT = '2026-10-17';
const SUN = '2026-10-18';

/**
 * 004「周末、节假日作业」: the maths teacher sets weekend homework over Saturday and Sunday, puts
 * twice as much on Sunday, and the student sees it on each day with that day's share.
 */
test('weekend homework over two days: composed with its shares, shown to the student on each day', async ({ as, service }) => {
  test.info().annotations.push({ type: 'database', description: service.database });
  // The demo's days lie in the past: the office allows publishing for them for this walk.
  const { login } = await graphql<{ login: { token: string } }>(service.url,
    'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { schoolCode: 'jhsy', username: 'jiaowu', password: 'jiaowu2026' } });
  await graphql(service.url, 'mutation { schoolSettingsUpdate(input: { pastDayPublishing: true }) { userErrors { code } } }', {}, login.token);

  const maths = await as('t5sx1', 'jiaoshi2026');
  await maths.goto(`/teacher/compose?date=${SAT}`);
  await expect(maths.getByRole('heading', { name: '布置作业' })).toBeVisible();
  await maths.getByRole('radiogroup', { name: '分层方式' }).getByText('A/B 套餐').click();
  await maths.getByRole('radiogroup', { name: '完成时间' }).getByText('跨多天（周末、假期、阅读、实践）').click();
  await expect(maths.getByLabel('开始日期')).toBeVisible();
  const days = maths.getByRole('list', { name: '每日分量' }).getByRole('listitem');
  await expect(days).toHaveCount(2);
  await maths.getByLabel('作业标题').fill('小数乘整数·周末练习');
  await maths.getByLabel('搜索题目').fill('小数乘整数');
  await maths.getByLabel('搜索题目').press('Enter');
  await maths.getByRole('button', { name: '把「小数乘整数·基础练习」加入A 套餐' }).click();
  await maths.getByRole('button', { name: '把「小数乘整数·变式练习」加入B 套餐' }).click();
  await maths.getByLabel('10月18日 星期日', { exact: true }).fill('2');
  // Saturday one share, Sunday two: the heaviest package's written minutes split 1 : 2.
  await expect(days.nth(1)).toContainText(/书面 \d+ 分钟/);
  const saturday = Number(/书面 (\d+) 分钟/.exec((await days.nth(0).textContent()) ?? '')?.[1]);
  const sunday = Number(/书面 (\d+) 分钟/.exec((await days.nth(1).textContent()) ?? '')?.[1]);
  expect(sunday).toBeGreaterThan(saturday);
  // A gauge for each day, against that day's cap, with that day's share as the service counts it.
  const gauges = maths.getByRole('list', { name: '每天的作业总量' }).getByRole('listitem');
  await expect(gauges).toHaveCount(2);
  const satGauge = maths.getByRole('region', { name: '本班10月17日 星期六书面作业总量' });
  const sunGauge = maths.getByRole('region', { name: '本班10月18日 星期日书面作业总量' });
  await expect(satGauge).toContainText('本班10月17日 星期六家庭书面作业（周末）');
  await expect(satGauge).toContainText(`本次最重选择 ${saturday} 分钟`);
  await expect(sunGauge).toContainText(`本次最重选择 ${sunday} 分钟`);
  // A day with no share adds nothing and has no gauge.
  await maths.getByLabel('10月17日 星期六', { exact: true }).fill('0');
  await expect(gauges).toHaveCount(1);
  await expect(sunGauge).toContainText(`本次最重选择 ${saturday + sunday} 分钟`);
  await maths.getByLabel('10月17日 星期六', { exact: true }).fill('1');
  await expect(gauges).toHaveCount(2);
  await expect(satGauge).toContainText(`本次最重选择 ${saturday} 分钟`);
  await screenshots(maths, '30-teacher-compose-multi-day');
  await expectAccessible(maths, '布置跨多天的作业');
  await maths.getByRole('button', { name: '发布' }).click();
  await expect(maths.getByText('已发布，学生和家长现在可以看到这份作业。')).toBeVisible();

  const student = await as('s50101', 'xuesheng2026', PHONE);
  await student.goto(`/student/today?date=${SUN}`);
  const card = student.getByRole('region', { name: '数学作业' });
  await expect(card).toContainText('小数乘整数·周末练习');
  await expect(card).toContainText('跨多天的作业：10月17日 星期六 至 10月18日 星期日');
  await screenshots(student, '31-student-multi-day');
  await expectAccessible(student, '跨多天的作业');
  await expectFitsNarrowPhone(student);
  await student.goto(`/student/today?date=${SAT}`);
  await expect(student.getByRole('region', { name: '数学作业' })).toContainText('小数乘整数·周末练习');
});
