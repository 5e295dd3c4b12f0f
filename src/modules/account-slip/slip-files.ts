import { chineseDate } from '../print/chinese-dates';
import { drawFooters, FONT, pdfDocument } from '../print/pdf-document';

/** One account's slip: who it is for and the initial password, shown this once. */
export interface Slip {
  userId: string;
  username: string;
  displayName: string;
  /** 学生, 家长, 教师 or 教务处. */
  roleName: string;
  /** A parent's child (whose slip theirs goes home with); null for others. */
  childName: string | null;
  /** The class (a parent's: the child's), or 教职工. */
  className: string;
  initialPassword: string;
}

export interface SlipSheet {
  schoolName: string;
  schoolCode: string;
  /** What was printed, e.g. 三年级(2)班 or 教职工. */
  scope: string;
  /** The day the slips were issued (YYYY-MM-DD). */
  issuedOn: string;
  slips: Slip[];
}

/** Printed on every slip (and in the workbook). */
export const SLIP_INSTRUCTION = '首次登录须修改密码。本条仅打印一次，请妥善保管；遗失请到教务处重新发放，旧的账号条随即作废。';

const MARGINS = { top: 24, bottom: 36, left: 24, right: 24 };
const COLUMNS = 2;
const ROWS = 5;
const PAD = 12;

/** Who the slip is for, as printed: 李明（学生）, 王芳（家长 · 李明）. */
export function slipIdentity(slip: Slip): string {
  return `${slip.displayName}（${slip.roleName}${slip.childName ? ` · ${slip.childName}` : ''}）`;
}

/**
 * Account slips as an A4 PDF: ten to a page (two columns, five rows) with dashed cut lines
 * between them, each with the school's name and code, the class, the name, the username and
 * the initial password, and the instruction to change it at the first sign-in.
 */
export async function slipsPdf(sheet: SlipSheet): Promise<Buffer> {
  const { doc, finish } = await pdfDocument({ layout: 'portrait', title: `${sheet.schoolName}账号条 ${sheet.scope}`, margins: MARGINS });
  const width = (doc.page.width - MARGINS.left - MARGINS.right) / COLUMNS;
  const height = (doc.page.height - MARGINS.top - MARGINS.bottom) / ROWS;
  const perPage = COLUMNS * ROWS;
  sheet.slips.forEach((slip, i) => {
    if (i > 0 && i % perPage === 0) doc.addPage();
    if (i % perPage === 0) drawCutLines(doc, width, height);
    const cell = i % perPage;
    drawSlip(doc, sheet, slip, MARGINS.left + (cell % COLUMNS) * width, MARGINS.top + Math.floor(cell / COLUMNS) * height, width);
  });
  drawFooters(doc, (page, pages) => ({
    left: `${sheet.schoolName}　${sheet.scope}　共 ${sheet.slips.length} 张`,
    center: `第 ${page + 1} 页，共 ${pages} 页　沿虚线剪开`,
    right: `教务处　${chineseDate(sheet.issuedOn)}`,
  }));
  return finish();
}

function drawCutLines(doc: PDFKit.PDFDocument, width: number, height: number): void {
  const left = MARGINS.left;
  const top = MARGINS.top;
  doc.save().lineWidth(0.6).strokeColor('#888888').dash(4, { space: 3 });
  for (let r = 0; r <= ROWS; r++) doc.moveTo(left, top + r * height).lineTo(left + COLUMNS * width, top + r * height).stroke();
  for (let c = 0; c <= COLUMNS; c++) doc.moveTo(left + c * width, top).lineTo(left + c * width, top + ROWS * height).stroke();
  doc.undash().restore();
}

function drawSlip(doc: PDFKit.PDFDocument, sheet: SlipSheet, slip: Slip, x: number, y: number, width: number): void {
  const inner = width - 2 * PAD;
  const line = (label: string, value: string, size = 10.5, bold = false) => {
    const top = doc.y;
    doc.font(FONT.regular).fontSize(10).fillColor('#444444').text(label, x + PAD, top + (size - 10) * 0.6, { width: 62, lineBreak: false });
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(size).fillColor('#000000')
      .text(value, x + PAD + 62, top, { width: inner - 62, lineBreak: false, ellipsis: true });
    doc.y = top + size + 6;
  };
  doc.font(FONT.bold).fontSize(12.5).fillColor('#000000').text(`${sheet.schoolName} · 账号条`, x + PAD, y + PAD - 2, { width: inner, lineBreak: false, ellipsis: true });
  doc.y = y + PAD + 20;
  line('学校代码：', sheet.schoolCode);
  line('班　　级：', slip.className);
  line('姓　　名：', slipIdentity(slip));
  line('用 户 名：', slip.username, 12, true);
  line('初始密码：', slip.initialPassword, 14, true);
  doc.font(FONT.regular).fontSize(8.5).fillColor('#333333').text(SLIP_INSTRUCTION, x + PAD, doc.y + 1, { width: inner });
  doc.fillColor('#000000');
}

export const SLIP_HEADERS = ['学校代码', '班级', '姓名', '身份', '用户名', '初始密码'] as const;

/**
 * Account slips as an A4 workbook: one row per account under a title row, set up to print on
 * A4 with the header repeated, the instruction in the last row.
 */
export async function slipsWorkbook(sheet: SlipSheet): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '双减作业管理服务';
  const ws = workbook.addWorksheet('账号条', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '1:2' },
  });
  ws.columns = [{ width: 12 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 18 }, { width: 16 }];
  ws.mergeCells(1, 1, 1, SLIP_HEADERS.length);
  const title = ws.getCell(1, 1);
  title.value = `${sheet.schoolName}账号条（${sheet.scope}，${chineseDate(sheet.issuedOn)}）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = ws.addRow([...SLIP_HEADERS]);
  header.font = { bold: true };
  for (const slip of sheet.slips) {
    const row = ws.addRow([sheet.schoolCode, slip.className, slip.displayName, slip.childName ? `${slip.roleName}（${slip.childName}）` : slip.roleName, slip.username, slip.initialPassword]);
    row.eachCell((cell) => { cell.border = { top: { style: 'dashed' }, bottom: { style: 'dashed' } }; });
  }
  const note = ws.addRow([SLIP_INSTRUCTION]);
  ws.mergeCells(note.number, 1, note.number, SLIP_HEADERS.length);
  note.getCell(1).alignment = { wrapText: true };
  note.height = 32;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
