import { chineseDate, chineseMonthDay, chineseWeek } from './chinese-dates';
import { drawFooters, FONT, PageOwners, pdfDocument } from './pdf-document';
import { Block, Cell, Column, PdfTable, TableStyle, text } from './pdf-table';
import { WEEKDAYS } from '../excel/weekly-notice';

/** One subject's homework on one student's sheet. */
export interface PrintedLine {
  subject: string;
  title: string;
  /** The package or level the student chose ('A 套餐', 'B 层'); null before they choose. */
  choice: string | null;
  content: string[];
  /** The chosen homework's minutes, or the range of the choices before a choice. */
  predictedMinutes: string | null;
  actualMinutes: number | null;
  overran: boolean;
}

export interface PrintedDay {
  day: string;
  dayKind: string;
  capMinutes: number;
  overCap: boolean;
  lines: PrintedLine[];
  selfStudyContent: string | null;
  selfStudyMinutes: number | null;
  bedtime: string | null;
  lateBedtime: boolean;
  /** The parents' messages of the day, oldest first, each with the head teacher's answer. */
  messages: { body: string; reply: string | null }[];
  /** The head teacher's note on reading a day without messages. */
  readNote: string | null;
}

/** One student's week: one page. */
export interface PrintedWeek {
  school: string;
  className: string;
  student: string;
  studentNo: string | null;
  weekStart: string;
  headTeacher: string | null;
  bedtimeTarget: string;
  days: PrintedDay[];
}

const MARGINS = { top: 30, bottom: 40, left: 30, right: 30 };
/** Widths in points; together the page's width inside the margins (535). The homework gets the most. */
const COLUMNS: Column[] = [
  { header: '日期', width: 50, align: 'center' },
  { header: '学科', width: 34, align: 'center', perLine: true },
  { header: '作业内容', width: 165, perLine: true },
  { header: '预估\n(分钟)', width: 36, align: 'center', perLine: true },
  { header: '实际\n(分钟)', width: 36, align: 'center', perLine: true },
  { header: '自主安排学习', width: 80 },
  { header: '就寝\n时间', width: 38, align: 'center' },
  { header: '家长留言', width: 96 },
];
const NOTE = '说明：学生每天随堂记下各科作业和老师预估的用时，完成后记下实际用时和就寝时间；学有余力的同学记下自主学习的内容和时长。'
  + '家长留言自愿填写，家长不检查、不批改作业。班主任每天收阅，每周班会点评。';
/** Font sizes tried, largest first, until the week fits its page. */
const SIZES = [9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6];
/** At the smallest size, paragraphs are cut to these many lines, most first, until it fits. */
const CUTS = [4, 3, 2, 1];

/**
 * 作业记录单 (seed 004), one A4 portrait page per student per week: Monday to Sunday down the
 * page, each day's subjects with the homework and its predicted minutes, then what the
 * student records — actual minutes, self-arranged study, bedtime — and every parent's message
 * of the day with the head teacher's answer. Blank where nothing is recorded yet, with room to write.
 */
export async function recordSheetPdf(weeks: PrintedWeek[], meta: { title: string; printedOn: string; className: string }): Promise<Buffer> {
  const { doc, finish } = await pdfDocument({ layout: 'portrait', title: meta.title, margins: MARGINS });
  const owners = new PageOwners<string>(doc);
  for (const [i, week] of weeks.entries()) {
    if (i > 0) doc.addPage();
    owners.start(week.student);
    drawWeek(doc, week);
    // A class is some forty pages of measuring text: other requests get their turn between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!weeks.length) {
    doc.font(FONT.regular).fontSize(12).text(`${meta.className}暂无学生。`, MARGINS.left, MARGINS.top);
  }
  drawFooters(doc, (page, pages) => ({
    left: `${meta.className}　${owners.of(page) ?? ''}`,
    center: `第 ${page + 1} 页，共 ${pages} 页`,
    right: `打印日期：${chineseDate(meta.printedOn)}`,
  }));
  return finish();
}

function drawWeek(doc: PDFKit.PDFDocument, week: PrintedWeek): void {
  const left = MARGINS.left;
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const bottom = doc.page.height - MARGINS.bottom;
  doc.font(FONT.bold).fontSize(18).text('作业记录单', left, MARGINS.top, { width, align: 'center' });
  doc.font(FONT.regular).fontSize(10).text(week.school, left, doc.y + 1, { width, align: 'center' });
  const infoY = doc.y + 8;
  doc.fontSize(10).text(`班级：${week.className}　　姓名：${week.student}　　学号：${week.studentNo ?? ''}`, left, infoY, { width, lineBreak: false });
  doc.text(chineseWeek(week.weekStart), left, infoY, { width, align: 'right', lineBreak: false });
  const targetY = infoY + 16;
  doc.fontSize(9).fillColor('#555555')
    .text(`就寝目标：${week.bedtimeTarget} 前　　班主任：${week.headTeacher ?? '未设'}`, left, targetY, { width, lineBreak: false }).fillColor('#000');
  const top = targetY + 16;

  const summary = summaryOf(week);
  doc.font(FONT.regular).fontSize(8.5);
  const footHeight = doc.heightOfString(summary, { width }) + doc.heightOfString(NOTE, { width }) + 14;
  const room = bottom - top - footHeight;
  const { table, blocks, measured: tight } = fitted(doc, week, room);
  // Room to spare goes to the days, to write in by hand.
  const spare = room - table.headerHeight() - tight.reduce((s, m) => s + m.height, 0);
  const extra = Math.min(Math.max(0, spare) / blocks.length, 40);
  const measured = tight.map((m) => ({ height: m.height + extra, lines: m.lines.map((h) => h + extra / m.lines.length) }));

  let y = top + table.drawHeader(left, top);
  blocks.forEach((block, i) => {
    table.drawBlock(left, y, block, measured[i]);
    y += measured[i].height;
  });
  doc.font(FONT.regular).fontSize(8.5).fillColor('#000').text(summary, left, y + 6, { width });
  doc.fillColor('#555555').text(NOTE, left, doc.y + 2, { width }).fillColor('#000');
}

/** The largest type at which the week fits `room`; at the smallest, long paragraphs are cut to fewer lines until it does. */
function fitted(doc: PDFKit.PDFDocument, week: PrintedWeek, room: number) {
  const attempt = (style: TableStyle) => {
    const table = new PdfTable(doc, COLUMNS, style);
    const blocks = week.days.map(dayBlock);
    const measured = blocks.map((b) => table.measure(b));
    const height = table.headerHeight() + measured.reduce((s, m) => s + m.height, 0);
    return { table, blocks, measured, fits: height <= room };
  };
  const styleAt = (fontSize: number, maxLines?: number): TableStyle => ({ fontSize, padding: fontSize * 0.3, minLineHeight: fontSize * 2.2, maxLines });
  const smallest = SIZES[SIZES.length - 1];
  // Each try is smaller than the one before: the first that fits is found by halving.
  const tries = [...SIZES.map((size) => styleAt(size)), ...CUTS.map((lines) => styleAt(smallest, lines))];
  const first = attempt(tries[0]);
  if (first.fits) return first;
  let [tooBig, fits] = [0, tries.length - 1];
  let best = attempt(tries[fits]);
  while (fits - tooBig > 1) {
    const mid = (tooBig + fits) >> 1;
    const result = attempt(tries[mid]);
    if (result.fits) [fits, best] = [mid, result];
    else tooBig = mid;
  }
  return best;
}

function dayBlock(day: PrintedDay, index: number): Block {
  const dateCell: Cell = [
    { text: chineseMonthDay(day.day), bold: true },
    { text: `星期${WEEKDAYS[index]}` },
    { text: day.dayKind, muted: true, small: true },
    { text: `书面≤${day.capMinutes}分`, muted: true, small: true },
    ...(day.overCap ? [{ text: '书面超上限', bold: true, small: true }] : []),
  ];
  const selfStudy: Cell = [
    ...text(day.selfStudyContent),
    ...text(day.selfStudyMinutes === null ? null : `${day.selfStudyMinutes} 分钟`, { muted: true }),
  ];
  const bedtime: Cell = [...text(day.bedtime), ...(day.lateBedtime ? [{ text: '晚于目标', small: true, bold: true }] : [])];
  const message: Cell = [
    ...day.messages.flatMap((m) => [...text(m.body), ...text(m.reply && `班主任回复：${m.reply}`, { muted: true, small: true })]),
    ...text(day.readNote && `班主任：${day.readNote}`, { muted: true, small: true }),
  ];
  return {
    spans: [dateCell, selfStudy, bedtime, message],
    lines: day.lines.length ? day.lines.map((line) => [
      text(line.subject),
      [{ text: contentOf(line) }],
      text(line.predictedMinutes),
      [...text(line.actualMinutes), ...(line.overran ? [{ text: '超时', small: true, bold: true }] : [])],
    ]) : [[[], text('本日未布置作业', { muted: true }), [], []]],
  };
}

/** `单元练习（A 套餐）：分数乘法计算练习`; a title that only repeats the subject (`数学作业`) is left out: `A 套餐：分数乘法计算练习`. */
function contentOf(line: PrintedLine): string {
  const title = line.title === `${line.subject}作业` ? '' : line.title;
  const head = title && line.choice ? `${title}（${line.choice}）` : title || line.choice;
  return head ? `${head}：${line.content.join('、')}` : line.content.join('、');
}

/** The week's totals, as far as the student has recorded them. */
function summaryOf(week: PrintedWeek): string {
  const lines = week.days.flatMap((d) => d.lines);
  const actual = lines.filter((l) => l.actualMinutes !== null);
  const parts = [`本周共 ${lines.length} 项作业`];
  if (actual.length) parts.push(`已记实际用时 ${actual.length} 项，合计 ${actual.reduce((s, l) => s + l.actualMinutes!, 0)} 分钟`);
  const late = week.days.filter((d) => d.lateBedtime).length;
  if (late) parts.push(`${late} 天晚于就寝目标`);
  const over = week.days.filter((d) => d.overCap).length;
  if (over) parts.push(`${over} 天书面作业超上限`);
  return `${parts.join('；')}。`;
}
