import { defineMessages } from '../../core/messages';

const mb = (bytes: unknown) => `${Math.round((Number(bytes) / 1024 / 1024) * 10) / 10} MB`;
const KIND_ZH: Record<string, string> = { image: '照片', audio: '录音', pdf: 'PDF 文件' };

/** Refusals of uploads and of the files' use (hand-ins, bank items, pen marks, space). */
export const AttachmentErrors = defineMessages({
  FILE_TYPE_NOT_ALLOWED: {
    description: 'The bytes of the upload are not a JPEG, PNG, PDF, M4A, MP3 or WebM file (the type is read from the content, not the name)',
    zh: () => '不支持这种文件：只能上传照片（JPEG、PNG）、录音（m4a、mp3、webm）或 PDF。文件类型按内容识别，改扩展名没有用',
    en: () => 'This kind of file is not accepted: upload a photo (JPEG, PNG), a recording (m4a, mp3, webm) or a PDF; the type is read from the content, not the name',
  },
  HEIC_NOT_SUPPORTED: {
    description: 'HEIC photos (iPhone "High Efficiency") cannot be read by the server; take the photo as JPEG',
    zh: () => '暂不支持 HEIC 格式的照片（苹果手机“高效”格式）。请用本页的“拍照”按钮直接拍摄，或在手机“设置 → 相机 → 格式”中选“兼容性最佳”后重新拍摄',
    en: () => 'HEIC photos cannot be read: take the photo with the page\'s camera button, or set the iPhone camera format to "Most Compatible"',
  },
  FILE_TOO_LARGE: {
    description: 'The file is larger than its kind allows; figures give sizeBytes and maxBytes',
    zh: (f) => `${KIND_ZH[String(f.kind)] ?? '文件'}太大：${mb(f.sizeBytes)}，每个${KIND_ZH[String(f.kind)] ?? '文件'}最多 ${mb(f.maxBytes)}`,
    en: (f) => `The file is too large: ${mb(f.sizeBytes)}, at most ${mb(f.maxBytes)} for a file of this kind`,
  },
  FILE_UNREADABLE: {
    description: 'The file starts like an accepted type but cannot be decoded (damaged or cut short)',
    zh: () => '文件已损坏或不完整，无法打开。请重新拍摄或重新上传',
    en: () => 'The file is damaged or incomplete and cannot be opened; take it again or upload it again',
  },
  SCHOOL_STORAGE_FULL: {
    description: "The school's storage space is used up; figures give usedBytes, sizeBytes and quotaBytes",
    zh: (f) => `学校的存储空间已用完：已用 ${mb(f.usedBytes)}，这个文件 ${mb(f.sizeBytes)}，上限 ${mb(f.quotaBytes)}。请联系教务处`,
    en: (f) => `The school's storage is full: ${mb(f.usedBytes)} used, this file ${mb(f.sizeBytes)}, limit ${mb(f.quotaBytes)}; ask the academic office`,
  },
  TOO_MANY_FILES: {
    description: 'A hand-in carries at most N photos or one recording (or one PDF), not a mix; figures give count and max',
    zh: (f) => (f.kind === 'image'
      ? `一次最多交 ${f.max} 张照片，这次有 ${f.count} 张`
      : `一次只能交一段录音或一个 PDF，不能和照片混在一起（这次有 ${f.count} 个文件）`),
    en: (f) => (f.kind === 'image' ? `At most ${f.max} photos at once, this has ${f.count}` : `One recording or one PDF at a time, not mixed with photos (${f.count} files given)`),
  },
  FILE_NOT_USABLE: {
    description: 'A file named is not an upload of yours that is still unused (each upload is used once)',
    zh: () => '这个文件不是你上传的，或已经交过了。请重新上传',
    en: () => 'This file is not an unused upload of yours; upload it again',
  },
  NOT_AN_IMAGE: {
    description: 'Only photos can be marked on or carried by a bank item',
    zh: () => '只有照片可以批注，题目也只能配图片',
    en: () => 'Only photos can be marked on or added to a bank item',
  },
});

/** Top-level errors of files (FORBIDDEN reasons). */
export const AttachmentMessages = defineMessages({
  TEACHERS_MARK: {
    description: 'FORBIDDEN: only teachers mark on handed-in photos',
    zh: () => '只有老师可以在作业照片上批注',
    en: () => 'Only teachers mark on handed-in photos',
  },
  OFFICE_READS_USAGE: {
    description: "FORBIDDEN: only the academic office reads the school's storage use",
    zh: () => '只有教务处可以查看学校的存储空间使用情况',
    en: () => "Only the academic office reads the school's storage use",
  },
});
