import type ExcelJS from 'exceljs';
import { RequestContext } from '../../core/context';
import { chineseDate } from '../print/chinese-dates';
import { noticePdf } from '../print/notice-pdf';
import { PDF_MIME_TYPE } from '../print/pdf-document';
import { ALL_FORMS_CAP_HEADER, ALL_FORMS_HEADER, CAP_HEADER, ClassNotice, entryText, NOTICE_NOTE, noticeTitle, TOTAL_HEADER, WeeklyNotices, weeklyNotices } from './weekly-notice';

export type NoticeFormat = 'xlsx' | 'pdf';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  data: Buffer;
}

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };

export class NoticeExcelService {
  /**
   * 作业公示 of a class, or of every class of a grade, ready to post: a workbook (one sheet per
   * class) or a PDF (one A4 landscape page per class), the same table in both.
   */
  async exportNotice(ctx: RequestContext, weekStart: string, classId: string | null, grade: number | null, format: NoticeFormat = 'xlsx'): Promise<ExportedFile> {
    const notices = await weeklyNotices(ctx, weekStart, classId, grade);
    const base = `${notices.name}作业公示-${weekStart}`;
    return format === 'pdf'
      ? { fileName: `${base}.pdf`, mimeType: PDF_MIME_TYPE, data: await noticePdf(notices) }
      : { fileName: `${base}.xlsx`, mimeType: XLSX_MIME_TYPE, data: await noticeWorkbook(notices) };
  }
}

/**
 * The workbook: per class a sheet set up to print on A4 landscape, one page wide — the title
 * merged and centred over the table, every cell ruled, the title and header repeated on each
 * printed page, and a footer with the class, its head teacher and the day it is posted.
 */
async function noticeWorkbook(notices: WeeklyNotices): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const notice of notices.notices) addNoticeSheet(workbook, notice, notices);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addNoticeSheet(workbook: ExcelJS.Workbook, notice: ClassNotice, notices: WeeklyNotices): void {
  const sheet = workbook.addWorksheet(notice.cls.name.slice(0, 31), {
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '1:2',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: footer(notice, notices.postedOn), evenFooter: footer(notice, notices.postedOn) },
  });
  // The total of every form and its cap, where the school caps it on some day of the week.
  const allForms = notice.days.some((d) => d.allFormsCapMinutes !== null);
  const header = ['日期', '星期', '类型', ...notice.subjects, TOTAL_HEADER, CAP_HEADER, ...(allForms ? [ALL_FORMS_HEADER, ALL_FORMS_CAP_HEADER] : [])];
  const width = header.length;

  const title = sheet.addRow([noticeTitle(notice, notices.weekStart)]);
  sheet.mergeCells(1, 1, 1, width);
  title.height = 30;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };

  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.height = 32;
  head.eachCell((cell) => {
    cell.border = THIN;
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  const widths = [12, 9, 9, ...notice.subjects.map(() => ENTRY_WIDTH), 19, 12, ...(allForms ? [19, 16] : [])];
  for (const day of notice.days) {
    const values = [day.day, day.weekday, day.dayKind, ...day.entries.map((e) => (e ? entryText(e) : '')), day.totalMinutes, day.capMinutes,
      ...(allForms ? [day.allFormsMinutes, day.allFormsCapMinutes ?? '—'] : [])];
    const row = sheet.addRow(values);
    // Set, not left to the program: not every spreadsheet program fits wrapped rows when it opens a file.
    row.height = Math.max(...values.map((v, i) => linesIn(String(v), widths[i]))) * LINE_HEIGHT + 6;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = THIN;
      const isEntry = c > 3 && c <= 3 + notice.subjects.length;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: isEntry ? 'left' : 'center' };
    }
  }

  const note = sheet.addRow([NOTICE_NOTE]);
  sheet.mergeCells(note.number, 1, note.number, width);
  note.getCell(1).font = { size: 9, color: { argb: 'FF555555' } };
  note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  note.height = linesIn(NOTICE_NOTE, widths.reduce((s, w) => s + w, 0)) * LINE_HEIGHT + 4;

  sheet.columns.forEach((c, i) => { c.width = widths[i]; });
}

/** Narrow enough that a week of five subjects is about as tall as it is wide, as the landscape page is. */
const ENTRY_WIDTH = 26;
/** Points a line of 11-point text takes. */
const LINE_HEIGHT = 15;

/** Lines `text` wraps to in a column `width` characters wide, where a Chinese character takes two. */
function linesIn(text: string, width: number): number {
  const units = [...text].reduce((s, ch) => s + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1.1), 0);
  return Math.max(1, Math.ceil(units / (width - 1)));
}

/**
 * Left: the class and its head teacher; centre: the page; right: the academic office and the
 * posting day. `&` starts a code in Excel's header and footer language, so names double it.
 */
function footer(notice: ClassNotice, postedOn: string): string {
  const literal = (s: string) => s.replace(/&/g, '&&');
  return `&L${literal(`班级：${notice.cls.name}　班主任：${notice.headTeacher ?? '未设'}`)}&C第 &P 页，共 &N 页&R${literal(`教务处　公示日期：${chineseDate(postedOn)}`)}`;
}

export const noticeExcelService = new NoticeExcelService();
