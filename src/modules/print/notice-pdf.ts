import { ALL_FORMS_CAP_HEADER, ALL_FORMS_HEADER, CAP_HEADER, ClassNotice, NOTICE_NOTE, NoticeEntry, TOTAL_HEADER, WeeklyNotices } from '../excel/weekly-notice';
import { chineseDate, chineseMonthDay, chineseWeek } from './chinese-dates';
import { drawFooters, FONT, PageOwners, pdfDocument } from './pdf-document';
import { Block, Cell, Column, Measured, PdfTable, text } from './pdf-table';

const MARGINS = { top: 32, bottom: 40, left: 30, right: 30 };
const FIXED = { day: 60, weekday: 40, kind: 44, total: 78, cap: 50 };
/** Type sizes tried, largest first, until a class's week fits its page. */
const SIZES = [10, 9.5, 9, 8.5, 8];

/**
 * 作业公示 as a PDF to post on the notice board (seed 004: 每周五在公示板上公示): per class an
 * A4 landscape page — the title and week centred, a ruled table of days × subjects with each
 * subject's homework and minutes, the day's written total against its cap — and a footer with
 * the class, its head teacher, the page, the academic office and the day it is posted.
 */
export async function noticePdf(notices: WeeklyNotices): Promise<Buffer> {
  const { doc, finish } = await pdfDocument({ layout: 'landscape', title: `${notices.name}作业公示 ${chineseWeek(notices.weekStart)}`, margins: MARGINS });
  const owners = new PageOwners<ClassNotice>(doc);
  notices.notices.forEach((notice, i) => {
    if (i > 0) doc.addPage();
    drawClass(doc, notice, notices.weekStart, () => owners.start(notice));
  });
  drawFooters(doc, (page, pages) => ({
    left: `班级：${owners.of(page)?.cls.name ?? ''}　班主任：${owners.of(page)?.headTeacher ?? '未设'}`,
    center: `第 ${page + 1} 页，共 ${pages} 页`,
    right: `教务处　公示日期：${chineseDate(notices.postedOn)}`,
  }));
  return finish();
}

/**
 * One class: its title, then the table at the largest type that keeps the class to one page;
 * a week too full for that goes on at the smallest type, the header repeated on each page.
 */
function drawClass(doc: PDFKit.PDFDocument, notice: ClassNotice, weekStart: string, onPage: () => void): void {
  onPage();
  const left = MARGINS.left;
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const bottom = doc.page.height - MARGINS.bottom;
  doc.font(FONT.bold).fontSize(20).text(`${notice.cls.name}作业公示`, left, MARGINS.top, { width, align: 'center' });
  doc.font(FONT.regular).fontSize(11).text(chineseWeek(weekStart), left, doc.y + 2, { width, align: 'center' });
  const top = doc.y + 10;

  const subjects = notice.subjects.length ? notice.subjects : ['作业'];
  // The total of every form and its cap, where the school caps it on some day of the week.
  const allForms = notice.days.some((d) => d.allFormsCapMinutes !== null);
  const fixed = FIXED.day + FIXED.weekday + FIXED.kind + (FIXED.total + FIXED.cap) * (allForms ? 2 : 1);
  const subjectWidth = (width - fixed) / subjects.length;
  const columns: Column[] = [
    { header: '日期', width: FIXED.day, align: 'center' },
    { header: '星期', width: FIXED.weekday, align: 'center' },
    { header: '类型', width: FIXED.kind, align: 'center' },
    ...subjects.map((s): Column => ({ header: s, width: subjectWidth })),
    // The workbook's headers, broken before the unit.
    { header: TOTAL_HEADER.replace('(', '\n('), width: FIXED.total, align: 'center' },
    { header: CAP_HEADER.replace('(', '\n('), width: FIXED.cap, align: 'center' },
    ...(allForms ? [
      { header: ALL_FORMS_HEADER.replace('(', '\n('), width: FIXED.total, align: 'center' } as Column,
      { header: ALL_FORMS_CAP_HEADER.replace('(', '\n('), width: FIXED.cap, align: 'center' } as Column,
    ] : []),
  ];
  const blocks = notice.days.map((day): Block => ({
    spans: [
      text(chineseMonthDay(day.day)), text(day.weekday), text(day.dayKind),
      ...(notice.subjects.length ? day.entries.map(entryCell) : [text('无', { muted: true })]),
      text(day.totalMinutes, { bold: day.totalMinutes > day.capMinutes }), text(day.capMinutes),
      ...(allForms ? [
        text(day.allFormsMinutes, { bold: day.allFormsCapMinutes !== null && day.allFormsMinutes > day.allFormsCapMinutes }), text(day.allFormsCapMinutes ?? '—'),
      ] : []),
    ],
    lines: [],
  }));
  const noteHeight = doc.font(FONT.regular).fontSize(9).heightOfString(NOTICE_NOTE, { width }) + 6;
  let table!: PdfTable;
  let measured!: Measured[];
  for (const fontSize of SIZES) {
    table = new PdfTable(doc, columns, { fontSize, padding: fontSize / 2, minLineHeight: fontSize * 2.6 });
    measured = blocks.map((b) => table.measure(b));
    if (top + table.headerHeight() + measured.reduce((s, m) => s + m.height, 0) + noteHeight <= bottom) break;
  }

  let y = top + table.drawHeader(left, top);
  blocks.forEach((block, i) => {
    if (y + measured[i].height > bottom) {
      doc.addPage();
      onPage();
      y = MARGINS.top + table.drawHeader(left, MARGINS.top);
    }
    table.drawBlock(left, y, block, measured[i]);
    y += measured[i].height;
  });
  if (y + noteHeight > bottom) {
    doc.addPage();
    onPage();
    y = MARGINS.top;
  }
  doc.font(FONT.regular).fontSize(9).fillColor('#555555').text(NOTICE_NOTE, left, y + 6, { width }).fillColor('#000');
}

function entryCell(entry: NoticeEntry | null): Cell {
  if (!entry) return [];
  return [{ text: entry.title, bold: true }, { text: entry.items.join('、') }, { text: entry.minutes }];
}
