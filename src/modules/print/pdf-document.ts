import path from 'node:path';

/**
 * Noto Sans SC (SIL Open Font License 1.1), shipped by the npm package
 * `@expo-google-fonts/noto-sans-sc`: the PDFs never depend on the fonts of the machine they are
 * made on. pdfkit embeds only the glyphs a document uses, so a page costs kilobytes.
 */
const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
const FONT_FILES = {
  regular: path.join(FONT_DIR, '400Regular', 'NotoSansSC_400Regular.ttf'),
  bold: path.join(FONT_DIR, '700Bold', 'NotoSansSC_700Bold.ttf'),
};

export const FONT = { regular: 'NotoSansSC-Regular', bold: 'NotoSansSC-Bold' } as const;

export const PDF_MIME_TYPE = 'application/pdf';

/** A4 in points, portrait. */
export const A4 = { width: 595.28, height: 841.89 };

export interface PdfOptions {
  layout: 'portrait' | 'landscape';
  title: string;
  /** The bottom margin holds the page footer. */
  margins: { top: number; bottom: number; left: number; right: number };
}

/**
 * A new A4 document with the Chinese fonts registered, and `finish()` that ends it and resolves
 * to its bytes. Pages stay buffered, so page footers can be drawn once every page is known.
 */
export async function pdfDocument(options: PdfOptions): Promise<{ doc: PDFKit.PDFDocument; finish: () => Promise<Buffer> }> {
  // Loaded on the first document rather than at start: most of the service's work makes none.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4', layout: options.layout, margins: options.margins, bufferPages: true, lang: 'zh-CN', displayTitle: true,
    info: { Title: options.title, Creator: '双减作业管理服务' },
  });
  doc.registerFont(FONT.regular, FONT_FILES.regular);
  doc.registerFont(FONT.bold, FONT_FILES.bold);
  doc.font(FONT.regular);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finish: () => { doc.end(); return ended; } };
}

/**
 * Writes one line in the bottom margin of every page (page footers). pdfkit starts a new page
 * for text below the bottom margin, so the margin is lifted while the footer is written.
 */
export function drawFooters(doc: PDFKit.PDFDocument, footer: (pageIndex: number, pageCount: number) => { left: string; center?: string; right: string }): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { left, center, right } = footer(i - start, count);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + 8;
    const x = doc.page.margins.left;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.font(FONT.regular).fontSize(9).fillColor('#000');
    doc.text(left, x, y, { width, align: 'left', lineBreak: false });
    if (center) doc.text(center, x, y, { width, align: 'center', lineBreak: false });
    doc.text(right, x, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Which part of a document (a class, a student) each page belongs to: parts note the page they
 * start on, and a page pdfkit had to add (text run past the bottom) belongs to the part before it.
 */
export class PageOwners<T> {
  private readonly starts: { page: number; owner: T }[] = [];

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** `owner` starts on the current page. */
  start(owner: T): void {
    const { start, count } = this.doc.bufferedPageRange();
    this.starts.push({ page: start + count - 1, owner });
  }

  of(page: number): T | undefined {
    return this.starts.filter((s) => s.page <= page).at(-1)?.owner;
  }
}
