// Prints, as JSON, each page of the PDF named on the command line: its text in drawing order
// and its size in points. pdfjs-dist is an ES module, so tests run this in a child process.
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const doc = await getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const { items } = await page.getTextContent();
  const [x0, y0, x1, y1] = page.view;
  pages.push({ text: items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''), width: x1 - x0, height: y1 - y0 });
}
process.stdout.write(JSON.stringify(pages));
