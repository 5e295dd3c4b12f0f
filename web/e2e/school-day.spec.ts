import { createRequire } from 'node:module';
import path from 'node:path';
import { test, expect, graphql, screenshots, expectAccessible, expectFitsNarrowPhone, PHONE } from './fixtures';
import { ROOT } from './service';

/** sharp from the service's packages (the web app has none of its own), for a photo made in the test. */
interface Sharp {
  composite(layers: { input: Buffer }[]): Sharp;
  jpeg(options?: { quality?: number }): Sharp;
  toBuffer(): Promise<Buffer>;
}
const sharp = createRequire(path.join(ROOT, 'package.json'))('sharp') as (options: {
  create: { width: number; height: number; channels: 3; background: string };
}) => Sharp;

/** A photo of written homework as a phone takes it: 1200×900, a line of sums on paper. */
async function homeworkPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: '#fbfaf3' } })
    .composite([{ input: Buffer.from('<svg width="1200" height="900"><text x="80" y="300" font-size="96">1. 3.6 × 4 = 14.4</text><text x="80" y="520" font-size="96">2. 0.25 × 8 = 2</text></svg>') }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** A school day after the demo's two weeks, with room under 五年级(1)班's 60-minute cap. */
const DAY = '2026-11-24';
const DAY_SHOWN = '2026年11月24日 星期二';


test('a whole school day in 五年级(1)班, from publishing homework to the head teacher\'s reply', async ({ as, service }) => {
  test.info().annotations.push({ type: 'database', description: service.database });

  // The demo's day lies in the past by now, and homework is never published for a past day
  // unless the school allows it: the academic office allows it for this walk through that day.
  const { login } = await graphql<{ login: { token: string } }>(service.url,
    'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { schoolCode: 'jhsy', username: 'jiaowu', password: 'jiaowu2026' } });
  const { schoolSettingsUpdate } = await graphql<{ schoolSettingsUpdate: { userErrors: unknown[] } }>(service.url,
    'mutation { schoolSettingsUpdate(input: { pastDayPublishing: true }) { userErrors { code } } }', {}, login.token);
  expect(schoolSettingsUpdate.userErrors).toEqual([]);

  // The maths teacher composes a 三三三 assignment from the bank and watches the gauge.
  const maths = await as('t5sx1', 'jiaoshi2026');
  await expect(maths).toHaveURL(/\/teacher\/assignments/);
  await expect(maths.getByRole('heading', { name: '作业列表' })).toBeVisible();
  await screenshots(maths, '01-teacher-assignment-list');
  await expectAccessible(maths, '作业列表');

  await maths.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '布置作业' }).click();
  await expect(maths.getByRole('heading', { name: '布置作业' })).toBeVisible();
  // The date picker reads in Chinese (Ant Design's zh_CN calendar, not the browser's own field).
  await maths.getByLabel('布置日期').click();
  await expect(maths.locator('.ant-picker-dropdown').getByText('今天')).toBeVisible();
  await maths.getByLabel('布置日期').fill(DAY);
  await maths.getByLabel('布置日期').press('Enter');
  await expect(maths.getByText(DAY_SHOWN)).toBeVisible();
  await maths.getByLabel('作业标题').fill('小数乘整数·分层练习');
  await maths.getByLabel('搜索题目').fill('小数乘整数');
  await maths.getByLabel('搜索题目').press('Enter');
  await maths.getByRole('button', { name: '把「小数乘整数·基础练习」加入基础作业' }).click();
  await maths.getByRole('button', { name: '把「小数乘整数·变式练习」加入拓展作业' }).click();
  await maths.getByRole('button', { name: '把「小数乘整数·找错改错」加入发散作业' }).click();
  const mathsGauge = maths.getByTestId('gauge-summary');
  await expect(mathsGauge).toContainText('/ 60 分钟');
  await expect(mathsGauge).toContainText('还可布置');
  await expect(maths.getByTestId('choice-B2')).toContainText('预计');
  await screenshots(maths, '02-teacher-compose');
  await expectAccessible(maths, '布置作业');
  await maths.getByRole('button', { name: '发布' }).click();
  await expect(maths.getByText('已发布，学生和家长现在可以看到这份作业。')).toBeVisible();
  await expect(maths.getByRole('heading', { name: '修改作业' })).toBeVisible();
  const mathsMinutes = Number(/^(\d+) \//.exec((await mathsGauge.textContent()) ?? '')?.[1]);
  expect(mathsMinutes).toBeGreaterThan(0);

  // The Chinese teacher's packages would take the class over the cap: the bar turns red and
  // publishing is refused with the rule and the figures.
  const chinese = await as('t5yw1', 'jiaoshi2026');
  await chinese.goto(`/teacher/compose?date=${DAY}`);
  await chinese.getByRole('radiogroup', { name: '分层方式' }).getByText('A/B 套餐').click();
  await expect(chinese.getByRole('radio', { name: 'A/B 套餐' })).toBeChecked();
  await chinese.getByLabel('作业标题').fill('《白鹭》分层练习');
  await chinese.getByLabel('搜索题目').fill('白鹭');
  await chinese.getByLabel('搜索题目').press('Enter');
  await chinese.getByRole('button', { name: '把「《白鹭》字词运用」加入A 套餐' }).click();
  await chinese.getByRole('button', { name: '把「《白鹭》小练笔」加入A 套餐' }).click();
  await chinese.getByRole('button', { name: '把「《白鹭》课后小测」加入A 套餐' }).click();
  await chinese.getByRole('button', { name: '把「朗读《白鹭》」加入B 套餐' }).click();
  const chineseGauge = chinese.getByTestId('gauge-summary');
  await expect(chineseGauge).toContainText('超出上限');
  await expect(chinese.getByText(`数学（已发布）${mathsMinutes} 分钟`)).toBeVisible();
  const excess = /超出上限 (\d+) 分钟/.exec((await chineseGauge.textContent()) ?? '')?.[1];
  await chinese.getByRole('button', { name: '发布' }).click();
  const refusal = chinese.getByRole('alert').filter({ hasText: '超出本班当天书面作业总量上限' });
  await expect(refusal).toContainText('超出本班当天书面作业总量上限');
  await expect(refusal).toContainText('上限 60 分钟');
  await expect(refusal).toContainText(`其他学科已布置 ${mathsMinutes} 分钟（数学 ${mathsMinutes} 分钟）`);
  await expect(refusal).toContainText(`超出 ${excess} 分钟`);
  await screenshots(chinese, '03-teacher-refused');
  await expectAccessible(chinese, '发布被拒');

  // A student on a phone chooses level B, hands in with the minutes, and fills the record sheet.
  const student = await as('s50101', 'xuesheng2026', PHONE);
  await expect(student).toHaveURL(/\/student\/today/);
  const studentName = ((await student.getByRole('button', { name: /账号菜单/ }).getAttribute('aria-label')) ?? '').split('：')[0];
  await student.goto(`/student/today?date=${DAY}`);
  const mathsCard = student.getByRole('region', { name: '数学作业' });
  await expect(mathsCard).toContainText('小数乘整数·分层练习');
  await expect(student.getByRole('region', { name: '语文作业' })).toHaveCount(0);
  await mathsCard.getByRole('radio', { name: /B 层：基础 \+ 拓展/ }).check();
  await expect(mathsCard.getByRole('radio', { name: /B 层：基础 \+ 拓展/ })).toBeChecked();
  await expect(mathsCard.getByText('我要完成的题目')).toBeVisible();
  await expect(mathsCard.getByText('小数乘整数·变式练习')).toBeVisible();
  await expect(mathsCard.getByText('小数乘整数·找错改错')).toHaveCount(0);
  await screenshots(student, '04-student-today');
  await expectAccessible(student, '今日作业');
  await expectFitsNarrowPhone(student);
  await mathsCard.getByLabel('我的答案').fill('1. 3.6×4=14.4\n2. 0.25×8=2');
  await mathsCard.getByLabel('实际用时（分钟）').fill('25');
  // The written work goes in as a photo: the camera button takes one (a JPEG), the gallery picks
  // one. What the service cannot take is refused in Chinese and can be removed.
  await expect(mathsCard.locator('input[type="file"][capture="environment"][accept="image/*"]')).toHaveCount(1);
  const pick = async (files: { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = student.waitForEvent('filechooser');
    await mathsCard.getByRole('button', { name: /从相册选择/ }).click();
    await (await chooser).setFiles(files);
  };
  await pick({ name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: Buffer.from('heic') });
  await expect(mathsCard.getByRole('alert').filter({ hasText: '暂不支持 HEIC 格式的照片' })).toBeVisible();
  await pick({ name: '不是照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是照片。'.repeat(200)) });
  await expect(mathsCard.getByRole('alert').filter({ hasText: '不支持这种文件' })).toBeVisible();
  await mathsCard.getByRole('button', { name: '移除 不是照片.jpg' }).click();
  await pick({ name: '数学作业.jpg', mimeType: 'image/jpeg', buffer: await homeworkPhoto() });
  const attached = mathsCard.getByRole('list', { name: '要交的照片和录音' });
  await expect(attached.getByRole('img', { name: '照片：数学作业.jpg' })).toBeVisible();
  await expect(attached).toContainText('已上传');
  await expect(attached).not.toContainText('不是照片');
  await screenshots(student, '04b-student-photo-attached');
  await expectAccessible(student, '交作业（照片）');
  await expectFitsNarrowPhone(student);
  await mathsCard.getByRole('button', { name: '提交作业' }).click();
  await expect(mathsCard.getByText('已提交（用时 25 分钟），等老师批改。')).toBeVisible();
  // The handed-in photo comes back through its signed link: the thumbnail the service made.
  const handedIn = mathsCard.getByRole('list', { name: '我交的照片和录音' }).getByRole('img', { name: '照片：数学作业.jpg' });
  await expect(handedIn).toBeVisible();
  await expect.poll(() => handedIn.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  const sheet = student.getByRole('region', { name: '作业记录单' });
  await sheet.getByLabel(/就寝时间/).fill('21:40');
  await sheet.getByLabel(/就寝时间/).press('Enter');
  await sheet.getByRole('button', { name: '保存记录单' }).click();
  await expect(student.getByText('记录单已保存。')).toBeVisible();

  // The maths teacher marks B+ from the keyboard and asks for a correction.
  await maths.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '批改' }).click();
  await maths.getByRole('button', { name: new RegExp(`${studentName} · 数学 · 小数乘整数·分层练习`) }).click();
  const panel = maths.getByRole('region', { name: `批改 ${studentName} 的作业` });
  await expect(panel.getByText('选择：B 层：基础 + 拓展')).toBeVisible();
  await expect(panel.getByRole('radio', { name: 'A+' })).toBeDisabled();
  // The photo, turned a quarter to the right and zoomed, with a red pen stroke drawn across it.
  const photos = panel.getByRole('region', { name: '原稿的照片' });
  const picture = photos.getByRole('img', { name: /照片：数学作业\.jpg/ });
  await expect(picture).toBeVisible();
  const href = await picture.locator('image').getAttribute('href');
  expect(await maths.evaluate(async (u) => (await fetch(u!)).status, href)).toBe(200);
  await photos.getByRole('button', { name: '放大' }).click();
  await photos.getByRole('button', { name: '向右旋转' }).click();
  await expect(photos.getByTestId('pen-status')).toContainText('150% · 已旋转 90°');
  await photos.getByRole('button', { name: /画笔/ }).click();
  const stage = photos.locator('.photo-stage');
  await stage.scrollIntoViewIfNeeded();
  const box = (await stage.boundingBox())!;
  const y = box.y + box.height / 2;
  await maths.mouse.move(box.x + 40, y);
  await maths.mouse.down();
  for (let step = 1; step <= 10; step++) await maths.mouse.move(box.x + 40 + step * Math.min(box.width - 80, 600) / 10, y);
  await maths.mouse.up();
  await expect(photos.getByTestId('pen-status')).toContainText('1 笔批注，未保存');
  await photos.getByRole('button', { name: /保存批注/ }).click();
  await expect(maths.getByText('批注已保存', { exact: false })).toBeVisible();
  await expect(photos.getByTestId('pen-status')).toContainText('已保存 1 笔批注');
  await photos.getByRole('button', { name: '向左旋转' }).click();
  await photos.getByRole('button', { name: '缩小' }).click();
  await maths.keyboard.press('1');
  await expect(panel.getByRole('radio', { name: 'B+' })).toBeChecked();
  await panel.getByLabel('评语').fill('思路清晰，第 2 题再检查一下小数点的位置。');
  await panel.getByRole('checkbox', { name: /请学生订正/ }).check();
  await screenshots(maths, '05-teacher-marking');
  await expectAccessible(maths, '批改');
  await panel.getByRole('button', { name: '提交批改' }).click();
  await expect(maths.getByText('已评 B+，并请学生订正。')).toBeVisible();

  // The student sees the mark and hands in the correction.
  await student.reload();
  await expect(mathsCard.getByLabel('老师的批改')).toContainText('B+');
  await expect(mathsCard.getByText(/老师请你订正/)).toBeVisible();
  await mathsCard.getByLabel('订正内容').fill('2. 0.25×8=2.0，小数点已对齐。');
  await mathsCard.getByLabel('实际用时（分钟）').fill('10');
  await mathsCard.getByRole('button', { name: '提交订正' }).click();
  await expect(mathsCard.getByText('订正已提交（用时 10 分钟），等老师批改。')).toBeVisible();
  await screenshots(student, '06-student-corrected');

  // A parent sees the mark and the bedtime, and writes to the head teacher.
  const parent = await as('p50101', 'jiazhang2026', PHONE);
  await expect(parent).toHaveURL(/\/parent\/day/);
  await parent.goto(`/parent/day?date=${DAY}`);
  const parentSheet = parent.getByRole('region', { name: '作业记录单' });
  await expect(parentSheet).toContainText('等级 B+');
  await expect(parentSheet).toContainText('就寝时间：21:40');
  // The day's photos are linked from the record sheet.
  const parentPhoto = parentSheet.getByRole('list', { name: '今天交的照片和录音' }).getByRole('img', { name: '照片：数学作业.jpg' });
  await expect(parentPhoto).toBeVisible();
  await expect.poll(() => parentPhoto.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  // The parent records when the child actually went to bed.
  await parentSheet.getByLabel('孩子的就寝时间').fill('21:50');
  await parentSheet.getByLabel('孩子的就寝时间').press('Enter');
  await parentSheet.getByRole('button', { name: '记录就寝时间' }).click();
  await expect(parent.getByText('就寝时间已记录。')).toBeVisible();
  await expect(parentSheet).toContainText('就寝时间：21:50');
  await expect(parentSheet).toContainText('睡得晚');
  await parent.getByLabel('留言内容').fill('孩子今天数学订正用时较长，睡得晚了些，我们会督促早睡。');
  await parent.getByRole('button', { name: '发送留言' }).click();
  await expect(parent.getByText('留言已发送给班主任。').first()).toBeVisible();
  // A parent may leave several messages a day, each answered (issue 19, item 7).
  const thread = parent.getByRole('list', { name: '当天的留言' });
  await expect(thread.getByRole('listitem')).toHaveCount(1);
  await parent.getByLabel('再写一条留言').fill('另外想问一下，明天的实践作业需要准备什么材料？');
  await parent.getByRole('button', { name: '发送留言' }).click();
  await expect(thread.getByRole('listitem')).toHaveCount(2);
  await expect(thread.getByText('班主任还没有回复。')).toHaveCount(2);
  await screenshots(parent, '07-parent-day');
  await expectAccessible(parent, '孩子的一天');
  await expectFitsNarrowPhone(parent);

  // The head teacher sees the flag and the messages, and answers each one.
  await chinese.goto(`/head-teacher/sheets?date=${DAY}`);
  await chinese.getByText('有提醒', { exact: true }).click();
  const row = chinese.getByRole('group', { name: `${studentName}的记录单` });
  await expect(row.getByText('睡得晚', { exact: true })).toBeVisible();
  await expect(row.getByText('家长留言待回复 2 条')).toBeVisible();
  await row.getByLabel('回复第 1 条留言').fill('收到，已提醒孩子今晚 20:30 前睡觉，订正我明天当面讲。');
  await screenshots(chinese, '08-head-teacher-sheets');
  await expectAccessible(chinese, '作业记录单');
  await row.getByRole('listitem').filter({ hasText: '孩子今天数学订正用时较长' }).getByRole('button', { name: '回复', exact: true }).click();
  await expect(row.getByText(/我的回复：收到/)).toBeVisible();
  await expect(row.getByText('家长留言待回复', { exact: true })).toBeVisible();
  await row.getByLabel('回复第 2 条留言').fill('准备一个空纸盒和一把剪刀即可。');
  await row.getByRole('button', { name: '回复', exact: true }).click();
  await expect(row.getByText(/我的回复：准备一个空纸盒/)).toBeVisible();
  await expect(row.getByText('家长留言待回复')).toHaveCount(0);
  await row.getByRole('button', { name: '查看' }).click();
  await row.getByRole('button', { name: '标记已阅' }).click();
  await expect(row.getByText('已阅', { exact: true })).toBeVisible();

  // …and the parent reads each answer under its message.
  await parent.reload();
  await expect(thread.getByRole('listitem').filter({ hasText: '孩子今天数学订正用时较长' })).toContainText('班主任回复：收到');
  await expect(thread.getByRole('listitem').filter({ hasText: '明天的实践作业' })).toContainText('班主任回复：准备一个空纸盒和一把剪刀即可。');

  // The maths teacher re-checks the correction (纠必复批).
  await maths.getByRole('button', { name: '刷新' }).click();
  const recheck = maths.getByRole('button', { name: new RegExp(`${studentName} · 数学 · 小数乘整数·分层练习`) });
  await expect(recheck).toContainText('订正稿·复批');
  await recheck.click();
  await expect(panel.getByText('订正稿（第 2 版）')).toBeVisible();
  // The pen stroke is there again on reopening, kept as a layer over the untouched photo: drawn
  // left to right on the photo turned a quarter right, it runs up the photo itself.
  await expect(panel.getByRole('region', { name: '原稿的照片' }).getByTestId('pen-status')).toContainText('已保存 1 笔批注');
  const mathsLogin = await graphql<{ login: { token: string } }>(service.url,
    'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { schoolCode: 'jhsy', username: 't5sx1', password: 'jiaoshi2026' } });
  type Layered = { width: number; height: number; penLayer: { strokes: { color: string; points: number[] }[] } | null };
  const queued = await graphql<{ markingQueue: { edges: { node: { submission: { id: string; student: { displayName: string } } } }[] } }>(service.url,
    '{ markingQueue(first: 50) { edges { node { submission { id student { displayName } } } } } }', {}, mathsLogin.login.token);
  const submissionId = queued.markingQueue.edges.find((e) => e.node.submission.student.displayName === studentName)!.node.submission.id;
  const { submission } = await graphql<{ submission: { versions: { files: Layered[] }[] } }>(service.url,
    'query($id: ID!) { submission(id: $id) { versions { files { width height penLayer { strokes { color points } } } } } }', { id: submissionId }, mathsLogin.login.token);
  const marked = submission.versions[0].files[0];
  expect(marked.penLayer?.strokes).toHaveLength(1);
  const [stroke] = marked.penLayer!.strokes;
  expect(stroke.color).toBe('#e53935');
  const xs = stroke.points.filter((_, i) => i % 2 === 0);
  const ys = stroke.points.filter((_, i) => i % 2 === 1);
  expect(xs.length).toBeGreaterThan(2);
  expect(Math.min(...xs, ...ys)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...xs)).toBeLessThanOrEqual(marked.width);
  expect(Math.max(...ys)).toBeLessThanOrEqual(marked.height);
  expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(5);
  expect(ys[0] - ys[ys.length - 1]).toBeGreaterThan(100);
  await maths.keyboard.press('2');
  await expect(panel.getByRole('radio', { name: 'B', exact: true })).toBeChecked();
  await panel.getByLabel('评语').fill('订正正确，小数点对齐了，继续保持！');
  await panel.getByLabel('评语').press('Control+Enter');
  await expect(maths.getByText('已评 B。')).toBeVisible();
  await expect(maths.getByText('全部批改完了。学生提交或订正后会出现在这里。')).toBeVisible();

  // The teacher's overview of the assignment: counts by state, never a ranking.
  await maths.goto(`/teacher/assignments?date=${DAY}`);
  await maths.getByRole('link', { name: '完成情况' }).click();
  await expect(maths.getByRole('heading', { name: /完成情况：小数乘整数·分层练习/ })).toBeVisible();
  await expect(maths.getByText('B 层：基础 + 拓展')).toBeVisible();
  await expect(maths.getByRole('group', { name: '已批改' })).toContainText('1 人');
  await screenshots(maths, '09-teacher-overview');
  await expectAccessible(maths, '完成情况');

  // …and opens it again to edit: the items come back in their parts, and a saved change is checked again.
  await maths.getByRole('link', { name: '修改作业' }).click();
  await expect(maths.getByRole('heading', { name: '修改作业' })).toBeVisible();
  await expect(maths.getByRole('region', { name: '基础作业' })).toContainText('小数乘整数·基础练习');
  await expect(maths.getByRole('region', { name: '发散作业' })).toContainText('小数乘整数·找错改错');
  await maths.getByRole('button', { name: '保存修改' }).click();
  await expect(maths.getByText('修改已保存并重新检查通过。')).toBeVisible();
});
