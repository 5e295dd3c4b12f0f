import { test, expect, screenshots, expectAccessible, signIn } from './fixtures';

test('sign in, stay signed in with "remember me", change the password, sign out', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();

  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('学校代码').fill('jhsy');
  await page.getByLabel('用户名').fill('s30101');
  await page.getByLabel('密码').fill('不是这个密码');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('学校代码、用户名或密码不正确');
  await screenshots(page, '00-sign-in');
  await expectAccessible(page, '登录');

  // Without "remember me" the token lives in this tab only: a new tab asks to sign in again.
  await page.getByLabel('密码').fill('xuesheng2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/student\/today/);
  const otherTab = await context.newPage();
  await otherTab.goto('/student/today');
  await expect(otherTab).toHaveURL(/\/login/);

  // With it, a new tab is signed in too.
  await otherTab.getByLabel('用户名').fill('s30101');
  await otherTab.getByLabel('密码').fill('xuesheng2026');
  await otherTab.getByRole('checkbox', { name: /记住我/ }).check();
  await otherTab.getByRole('button', { name: '登录' }).click();
  await expect(otherTab).toHaveURL(/\/student\/today/);
  const thirdTab = await context.newPage();
  await thirdTab.goto('/student/today');
  await expect(thirdTab.getByRole('heading', { name: '今日作业' })).toBeVisible();

  // Password change: the form checks the service's rule first, then the service's answer.
  await thirdTab.getByRole('button', { name: /账号菜单/ }).click();
  await thirdTab.getByRole('menuitem', { name: '修改密码' }).click();
  await thirdTab.getByLabel('当前密码').fill('xuesheng2026');
  await thirdTab.getByLabel('新密码', { exact: true }).fill('short1');
  await thirdTab.getByLabel('再次输入新密码').fill('short1');
  await thirdTab.getByRole('button', { name: '保存新密码' }).click();
  await expect(thirdTab.getByText('新密码至少 10 个字符', { exact: true })).toBeVisible();
  await screenshots(thirdTab, '10-password-change');
  await expectAccessible(thirdTab, '修改密码');
  await thirdTab.getByLabel('新密码', { exact: true }).fill('xuesheng2027new');
  await thirdTab.getByLabel('再次输入新密码').fill('xuesheng2027new');
  await thirdTab.getByRole('button', { name: '保存新密码' }).click();
  await expect(thirdTab.getByText(/密码已修改/)).toBeVisible();

  // Sign out: back to the sign-in page, and the new password works.
  await thirdTab.getByRole('button', { name: /账号菜单/ }).click();
  await thirdTab.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(thirdTab).toHaveURL(/\/login/);
  await signIn(thirdTab, 's30101', 'xuesheng2027new');
  await expect(thirdTab).toHaveURL(/\/student\/today/);
  await context.close();
});
