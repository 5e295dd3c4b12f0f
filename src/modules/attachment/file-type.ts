/**
 * The real type of an upload, read from its first bytes (magic numbers), never from its name
 * or the type the client claims. Only what the service accepts is recognised; HEIC is
 * recognised so that it can be refused with its own message.
 */
export type FileKind = 'image' | 'audio' | 'pdf';

export interface DetectedType {
  kind: FileKind;
  mimeType: string;
  /** Refused although recognised (HEIC: sharp here has no HEVC decoder). */
  refused?: 'heic';
}

/** Bytes the detection needs at most: the first chunk of an upload must carry them (or be the whole file). */
export const SNIFF_BYTES = 64;

const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const M4A_BRANDS = new Set(['M4A ', 'M4B ', 'mp42', 'mp41', 'isom', 'iso2', 'dash']);

export function detectType(head: Buffer): DetectedType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: 'image', mimeType: 'image/jpeg' };
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { kind: 'image', mimeType: 'image/png' };
  if (head.length >= 5 && ascii(head, 0, 5) === '%PDF-') return { kind: 'pdf', mimeType: 'application/pdf' };
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    // ISO base media: the major brand, then the compatible ones up to the end of the ftyp box.
    const boxEnd = Math.min(head.readUInt32BE(0), head.length);
    const brands = [ascii(head, 8, 12)];
    for (let i = 16; i + 4 <= boxEnd; i += 4) brands.push(ascii(head, i, i + 4));
    if (HEIC_BRANDS.has(brands[0]) || (brands[0] !== 'M4A ' && brands.some((b) => b === 'heic' || b === 'heix'))) {
      return { kind: 'image', mimeType: 'image/heic', refused: 'heic' };
    }
    if (brands.some((b) => M4A_BRANDS.has(b))) return { kind: 'audio', mimeType: 'audio/mp4' };
    return null;
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) {
    // EBML: a WebM recording names its doc type near the start.
    return head.subarray(0, SNIFF_BYTES).includes('webm', 0, 'latin1') ? { kind: 'audio', mimeType: 'audio/webm' } : null;
  }
  if (head.length >= 3 && ascii(head, 0, 3) === 'ID3') return { kind: 'audio', mimeType: 'audio/mpeg' };
  // A bare MPEG audio frame: 11 sync bits, layer III (MPEG-1, 2 or 2.5).
  if (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) === 0x02) return { kind: 'audio', mimeType: 'audio/mpeg' };
  return null;
}

/** The file name extension the stored type goes by. */
export function extensionOf(mimeType: string): string {
  return ({ 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf', 'audio/mp4': 'm4a', 'audio/webm': 'webm', 'audio/mpeg': 'mp3' } as Record<string, string>)[mimeType] ?? 'bin';
}
