import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// Asynchronous: the server under test runs in this same process and must keep answering.
const run = promisify(execFile);

export interface PdfPage {
  /** The page's text in drawing order, lines joined. */
  text: string;
  width: number;
  height: number;
}

/** Where tests leave PDFs and their pages as PNG, to be looked at (each run writes over the last). */
export const PRINT_OUTPUT = path.join(os.tmpdir(), 'homework-print-test');

/** The text and size of each page, read with pdfjs-dist (the PDF's own fonts and ToUnicode maps, no system fonts). */
export async function pdfPages(pdf: Buffer): Promise<PdfPage[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, pdf);
    const { stdout } = await run(process.execPath, [path.join(__dirname, 'pdf-text.mjs'), file], {
      encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' },
    });
    return JSON.parse(stdout) as PdfPage[];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Text with every space and line break taken out, so a phrase wrapped in a cell still matches. */
export const squeezed = (s: string) => s.replace(/\s+/g, '');

/** Leaves a generated file in PRINT_OUTPUT, to be opened by hand. */
export function keepForLooking(name: string, data: Buffer): void {
  fs.mkdirSync(PRINT_OUTPUT, { recursive: true });
  fs.writeFileSync(path.join(PRINT_OUTPUT, name), data);
}

/** Debian's pdftoppm (poppler-utils), if installed. */
export const PDFTOPPM = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((p) => fs.existsSync(p)) ?? null;

/**
 * Renders page `page` (from 1) with pdftoppm: a PNG at `name`.png in PRINT_OUTPUT to look at,
 * and the share of dark pixels of a greyscale rendering (ink on the page). Null without pdftoppm.
 */
export async function renderPage(pdf: Buffer, name: string, page = 1): Promise<{ png: string; ink: number } | null> {
  if (!PDFTOPPM) return null;
  keepForLooking(`${name}.pdf`, pdf);
  const file = path.join(PRINT_OUTPUT, `${name}.pdf`);
  const base = path.join(PRINT_OUTPUT, name);
  const range = ['-f', String(page), '-l', String(page), '-singlefile'];
  await run(PDFTOPPM, [...range, '-r', '110', '-png', file, base]);
  await run(PDFTOPPM, [...range, '-r', '50', '-gray', file, `${base}-gray`]);
  const gray = fs.readFileSync(`${base}-gray.pgm`);
  fs.rmSync(`${base}-gray.pgm`);
  return { png: `${base}.png`, ink: inkShare(gray) };
}

/** The share of pixels darker than mid-grey in a binary PGM (P5, 8 bits). */
function inkShare(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / pixels.length;
}
