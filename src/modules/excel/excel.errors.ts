import { defineMessages, Figures } from '../../core/messages';

const sheetNames = (f: Figures): string[] => (Array.isArray(f.sheets) ? f.sheets.map(String) : []);

/** Top-level errors of spreadsheet imports and notices (BAD_USER_INPUT reasons). */
export const ExcelMessages = defineMessages({
  CSV_NOT_UTF8: {
    description: 'BAD_USER_INPUT: the CSV file is not UTF-8',
    zh: () => 'CSV 文件不是 UTF-8 编码（Excel 默认另存的 CSV 多是 GBK 编码）；请另存为「CSV UTF-8（逗号分隔）」，或直接上传 .xlsx 文件',
    en: () => 'The CSV file is not UTF-8 (a CSV saved by Excel is usually GBK); save it as "CSV UTF-8 (comma delimited)" or upload the .xlsx file',
  },
  CSV_UNREADABLE: {
    description: 'BAD_USER_INPUT: the file is not a readable CSV file',
    zh: () => '文件不是可读取的 CSV 文件',
    en: () => 'The file is not a readable CSV file',
  },
  OLD_XLS: {
    description: 'BAD_USER_INPUT: an Excel 97–2003 (.xls) file',
    zh: () => '这是旧版 Excel 97–2003（.xls）文件，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
    en: () => 'This is an old Excel 97–2003 (.xls) file, which cannot be read; save it as .xlsx in Excel or WPS and import that',
  },
  XLSX_UNREADABLE: {
    description: 'BAD_USER_INPUT: the file is not a readable Excel workbook',
    zh: () => '文件不是可读取的 Excel 工作簿（.xlsx）；请上传 Excel 保存的 .xlsx 文件',
    en: () => 'The file is not a readable Excel workbook (.xlsx); upload an .xlsx file saved by Excel',
  },
  FILE_EMPTY: {
    description: 'BAD_USER_INPUT: the file has no content (`sheets` names its empty worksheets)',
    zh: (f) => (sheetNames(f).length ? `文件是空的：${sheetNames(f).map((n) => `工作表「${n}」`).join('、')}里没有任何内容` : '文件是空的：工作簿里没有工作表'),
    en: (f) => (sheetNames(f).length ? `The file is empty: ${sheetNames(f).map((n) => `worksheet 「${n}」`).join(', ')} hold nothing` : 'The file is empty: the workbook has no worksheet'),
  },
  NO_HEADER_ROW: {
    description: 'BAD_USER_INPUT: no header row in the first rows',
    zh: (f) => `找不到表头行：${f.csv ? '文件' : '各工作表'}的前 ${f.rows} 行里没有一行写着列名。表头行应包含必填列：${f.required}。列名前后的空格、全角或半角括号都可以`,
    en: (f) => `No header row: none of the first ${f.rows} rows of ${f.csv ? 'the file' : 'any worksheet'} names the columns. The header row holds the required columns: ${f.required}`,
  },
  COLUMN_TWICE: {
    description: 'BAD_USER_INPUT: several columns mean the same field',
    zh: (f) => `工作表「${f.sheet}」第 ${f.row} 行的表头有 ${f.count} 列都表示「${f.header}」：${f.names}；请删去或改名其中的列，只留一列`,
    en: (f) => `The header in row ${f.row} of worksheet 「${f.sheet}」 has ${f.count} columns meaning 「${f.header}」: ${f.names}; delete or rename all but one`,
  },
  MISSING_COLUMNS: {
    description: 'BAD_USER_INPUT: required columns are missing',
    zh: (f) => `工作表「${f.sheet}」第 ${f.row} 行的表头缺少必填列：${f.missing}`,
    en: (f) => `The header in row ${f.row} of worksheet 「${f.sheet}」 lacks required columns: ${f.missing}`,
  },
  TOO_MANY_ROWS: {
    description: 'BAD_USER_INPUT: more rows than one import takes',
    zh: (f) => `一个文件最多导入 ${f.max} 道题，工作表「${f.sheet}」表头下有 ${f.rows} 行`,
    en: (f) => `One file imports at most ${f.max} items; worksheet 「${f.sheet}」 has ${f.rows} rows under its header`,
  },
  CLASS_OR_GRADE: {
    description: 'BAD_USER_INPUT: a notice is of a class or a grade',
    zh: () => '请指定一个班级或一个年级',
    en: () => 'Name a class or a grade',
  },
});
