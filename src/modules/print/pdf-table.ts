import { FONT } from './pdf-document';

/** A paragraph of a cell; a cell stacks one or more. */
export interface Para {
  text: string;
  bold?: boolean;
  /** Grey: a note beside the fact (a cap, a flag's explanation). */
  muted?: boolean;
  /** A smaller size, for notes. */
  small?: boolean;
}

export type Cell = Para[];

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'center';
  /** One cell per line of a block (a day's subjects); other columns span all the block's lines. */
  perLine?: boolean;
}

/**
 * One row of the table, or, where columns are `perLine`, several lines stacked beside cells that
 * span them all (a day of the record sheet: one line per subject, one bedtime for the day).
 */
export interface Block {
  /** The cells of the spanning columns, in column order. */
  spans: Cell[];
  /** Per line, the cells of the `perLine` columns in column order. No line draws one empty line. */
  lines: Cell[][];
}

export interface TableStyle {
  fontSize: number;
  padding: number;
  /** The least height of a line: room to write by hand in a cell left blank. */
  minLineHeight: number;
  /** Paragraphs longer than this many lines are cut, ending in `…` (to keep a page to one page). */
  maxLines?: number;
}

const LINE_WIDTH = 0.6;
const HEADER_FILL = '#e8e8e8';
const MUTED = '#555555';

/** Plain text as a cell. */
export const text = (value: string | number | null | undefined, style: Omit<Para, 'text'> = {}): Cell =>
  value === null || value === undefined || value === '' ? [] : [{ text: String(value), ...style }];

/** The heights of a measured block: each line, and the whole. */
export interface Measured {
  lines: number[];
  height: number;
}

/**
 * A ruled table drawn with pdfkit: every cell bordered, text wrapped to its column and centred
 * vertically, heights measured before drawing so a caller can break pages or fit a page.
 */
export class PdfTable {
  private readonly spanColumns: number[];
  private readonly lineColumns: number[];
  /** Paragraphs as set in a width: measuring wraps the text, and a table measures every cell before drawing it. */
  private readonly laid = new Map<string, { text: string; height: number }>();

  constructor(private readonly doc: PDFKit.PDFDocument, readonly columns: Column[], readonly style: TableStyle) {
    this.spanColumns = columns.flatMap((c, i) => (c.perLine ? [] : [i]));
    this.lineColumns = columns.flatMap((c, i) => (c.perLine ? [i] : []));
  }

  get width(): number {
    return this.columns.reduce((s, c) => s + c.width, 0);
  }

  /** The header row's height: headers are never cut. */
  headerHeight(): number {
    return Math.max(...this.columns.map((c) => this.cellHeight(headerCell(c), c.width, false)), this.style.minLineHeight);
  }

  drawHeader(x: number, y: number): number {
    const height = this.headerHeight();
    let left = x;
    for (const c of this.columns) {
      this.doc.save().rect(left, y, c.width, height).fill(HEADER_FILL).restore();
      this.drawCell(headerCell(c), left, y, c.width, height, 'center', false);
      left += c.width;
    }
    return height;
  }

  measure(block: Block): Measured {
    const lines = this.linesOf(block).map((line) => Math.max(
      this.style.minLineHeight,
      ...line.map((cell, j) => this.cellHeight(cell, this.columns[this.lineColumns[j]].width)),
    ));
    const spanHeight = Math.max(0, ...block.spans.map((cell, j) => this.cellHeight(cell, this.columns[this.spanColumns[j]].width)));
    const linesHeight = lines.reduce((s, h) => s + h, 0);
    const height = Math.max(spanHeight, linesHeight, this.style.minLineHeight);
    // Spanning cells taller than the lines: the lines share the difference.
    const extra = lines.length ? (height - linesHeight) / lines.length : 0;
    return { lines: lines.map((h) => h + extra), height };
  }

  drawBlock(x: number, y: number, block: Block, measured = this.measure(block)): void {
    const lefts = this.columns.map((_, i) => x + this.columns.slice(0, i).reduce((s, c) => s + c.width, 0));
    block.spans.forEach((cell, j) => {
      const i = this.spanColumns[j];
      this.drawCell(cell, lefts[i], y, this.columns[i].width, measured.height, this.columns[i].align ?? 'left');
    });
    let top = y;
    this.linesOf(block).forEach((line, k) => {
      line.forEach((cell, j) => {
        const i = this.lineColumns[j];
        this.drawCell(cell, lefts[i], top, this.columns[i].width, measured.lines[k], this.columns[i].align ?? 'left');
      });
      top += measured.lines[k];
    });
  }

  private linesOf(block: Block): Cell[][] {
    if (!this.lineColumns.length) return [];
    return block.lines.length ? block.lines : [this.lineColumns.map(() => [])];
  }

  private cellHeight(cell: Cell, width: number, cut = true): number {
    const inner = width - 2 * this.style.padding;
    return cell.reduce((s, p) => s + this.layout(p, inner, cut).height, 0) + 2 * this.style.padding;
  }

  private drawCell(cell: Cell, x: number, y: number, width: number, height: number, align: 'left' | 'center', cut = true): void {
    this.doc.save().lineWidth(LINE_WIDTH).strokeColor('#000').rect(x, y, width, height).stroke().restore();
    const inner = width - 2 * this.style.padding;
    const content = this.cellHeight(cell, width, cut) - 2 * this.style.padding;
    let top = y + Math.max(this.style.padding, (height - content) / 2);
    for (const p of cell) {
      const { text: value, height: h } = this.layout(p, inner, cut);
      this.font(p).fillColor(p.muted ? MUTED : '#000')
        .text(value, x + this.style.padding, top, { width: inner, align, lineGap: this.lineGap(p), height: y + height - top });
      top += h;
    }
    this.doc.fillColor('#000');
  }

  /** The paragraph set in `width`: its text (cut to `maxLines` lines, ending in `…`, where it must be) and height. */
  private layout(p: Para, width: number, cut: boolean): { text: string; height: number } {
    const key = `${p.bold ? 'b' : ''}${p.small ? 's' : ''}${cut ? 'c' : ''}|${width}|${p.text}`;
    let laid = this.laid.get(key);
    if (!laid) {
      const options = { width, lineGap: this.lineGap(p) };
      const doc = this.font(p);
      const height = (value: string) => doc.heightOfString(value, options);
      let value = p.text;
      const limit = cut && this.style.maxLines ? this.style.maxLines * height('国') + 0.5 : Infinity;
      if (height(value) > limit) {
        const chars = [...p.text];
        let [fits, fails] = [0, chars.length];
        while (fails - fits > 1) {
          const mid = (fits + fails) >> 1;
          if (height(`${chars.slice(0, mid).join('')}…`) <= limit) fits = mid;
          else fails = mid;
        }
        value = `${chars.slice(0, fits).join('')}…`;
      }
      laid = { text: value, height: height(value) };
      this.laid.set(key, laid);
    }
    return laid;
  }

  private font(p: Para): PDFKit.PDFDocument {
    return this.doc.font(p.bold ? FONT.bold : FONT.regular).fontSize(p.small ? this.style.fontSize * 0.85 : this.style.fontSize);
  }

  /** Noto Sans SC's own line height is 1.45 em, loose for a table; lines are set at 1.4 em. */
  private lineGap(p: Para): number {
    return (p.small ? this.style.fontSize * 0.85 : this.style.fontSize) * -0.05;
  }
}

const headerCell = (c: Column): Cell => [{ text: c.header, bold: true }];
