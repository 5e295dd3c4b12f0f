import { test, expect, screenshots, expectAccessible } from './fixtures';

/**
 * An account handed out on paper: the academic office issues a slip (a new initial password);
 * signing in with it opens the password change, nothing else works until then, and afterwards
 * the role's home page opens.
 */
test('the first sign-in with a slip password changes it first, then opens the home page', async ({ browser, baseURL, request }) => {
  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await request.post('/graphql', {
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      data: { query, variables },
    });
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const office = (await gql(`mutation { login(input: { schoolCode: "jhsy", username: "jiaowu", password: "jiaowu2026" }) { token } }`)).login.token;
  const { classes } = await gql(`{ classes(grade: 3) { id name } }`, {}, office);
  const classId = classes.find((c: { name: string }) => c.name === '三年级(1)班').id;
  const { users } = await gql(`query($c: ID) { users(first: 100, role: STUDENT, classId: $c) { edges { node { id username } } } }`, { c: classId }, office);
  // A student no other spec signs in as.
  const student = users.edges.map((e: { node: { id: string; username: string } }) => e.node).find((u: { username: string }) => u.username === 's30140');
  expect(student).toBeDefined();
  const { accountSlipsIssue } = await gql(`mutation($i: AccountSlipsIssueInput!) { accountSlipsIssue(input: $i) { accounts { username initialPassword } userErrors { code } } }`,
    { i: { userIds: [student.id], format: 'PDF' } }, office);
  expect(accountSlipsIssue.userErrors).toEqual([]);
  const slipPassword: string = accountSlipsIssue.accounts[0].initialPassword;

  const context = await browser.newContext({ baseURL, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('学校代码').fill('jhsy');
  await page.getByLabel('用户名').fill('s30140');
  await page.getByLabel('密码').fill(slipPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/first-password/);
  await expect(page.getByRole('heading', { name: '首次登录，请修改密码' })).toBeVisible();
  await screenshots(page, '01-first-password');
  await expectAccessible(page, '首次修改密码');

  // Any other page sends them back here until the password is changed.
  await page.goto('/student/today');
  await expect(page).toHaveURL(/\/first-password/);

  await page.getByLabel(/当前密码/).fill(slipPassword);
  await page.getByLabel('新密码', { exact: true }).fill('wodemima2026x');
  await page.getByLabel('再次输入新密码').fill('wodemima2026x');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page).toHaveURL(/\/student\/today/);
  await expect(page.getByRole('heading', { name: '今日作业' })).toBeVisible();
  await context.close();
});
