import { test, expect, screenshots, expectAccessible } from './fixtures';

/**
 * 003「加强学科组、年级组作业统筹」: the head teacher of 五年级(1)班 gives each subject its share of
 * Monday's written minutes on the page 各科时长, and the plan is there when the page is opened again.
 */
test('the head teacher sets the class\'s weekly subject budgets and they are saved', async ({ as, service }) => {
  test.info().annotations.push({ type: 'database', description: service.database });
  const head = await as('t5yw1', 'jiaoshi2026');
  await head.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '各科时长' }).click();
  await expect(head.getByRole('heading', { name: '各科作业时长' })).toBeVisible();
  await expect(head.getByText(/每个上学日各科预算之和不超过 \d+ 分钟/)).toBeVisible();

  await head.getByLabel('语文周一预算').fill('20');
  await head.getByLabel('数学周一预算').fill('20');
  await head.getByLabel('英语周一预算').fill('10');
  await expect(head.getByTestId('budget-sum-1')).toHaveText(/^50 \/ \d+$/);
  await head.getByRole('button', { name: '保存预算' }).click();
  await expect(head.getByText('各科预算已保存。')).toBeVisible();
  await screenshots(head, '20-head-teacher-subject-budgets');
  await expectAccessible(head, '各科作业时长');

  await head.reload();
  await expect(head.getByLabel('语文周一预算')).toHaveValue('20');
  await expect(head.getByLabel('英语周一预算')).toHaveValue('10');
  await expect(head.getByLabel('语文周二预算')).toHaveValue('');
});
