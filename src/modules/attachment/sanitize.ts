import type { Metadata, OutputInfo } from 'sharp';
import { DetectedType } from './file-type';

/** What is kept of an upload: the bytes to store, their type, and for an image its size and thumbnail. */
export interface Sanitized {
  bytes: Buffer;
  mimeType: string;
  width?: number;
  height?: number;
  thumbnail?: Buffer;
}

/** Longest side of a stored photo: enough to read handwriting, small enough for a phone to load. */
export const MAX_IMAGE_SIDE = 3000;
/** Longest side of a thumbnail, and the most bytes it may take. */
export const THUMB_SIDE = 320;
export const THUMB_MAX_BYTES = 48 * 1024;

export class UnreadableFileError extends Error {}

/**
 * Re-encodes a photo without any metadata: EXIF (GPS position, phone model, time), XMP, IPTC
 * and ICC profiles are dropped (sharp keeps none unless asked), the EXIF orientation is applied
 * to the pixels first so the photo stands the right way up. PNG stays PNG (drawings, screenshots),
 * anything else becomes JPEG. The thumbnail is a JPEG within THUMB_SIDE, squeezed under THUMB_MAX_BYTES.
 */
export async function sanitizeImage(input: Buffer, type: DetectedType): Promise<Sanitized> {
  // Loaded on the first photo rather than at start: most of the service's work handles none.
  const { default: sharp } = await import('sharp');
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: 100_000_000 }).metadata();
  } catch (e) {
    throw new UnreadableFileError(`the image cannot be decoded: ${(e as Error).message}`);
  }
  if (!meta.width || !meta.height) throw new UnreadableFileError('the image has no size');
  const base = () => sharp(input, { limitInputPixels: 100_000_000 }).rotate().resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
  let out: { data: Buffer; info: OutputInfo };
  try {
    out = type.mimeType === 'image/png'
      ? await base().png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true })
      : await base().jpeg({ quality: 85, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  } catch (e) {
    throw new UnreadableFileError(`the image cannot be decoded: ${(e as Error).message}`);
  }
  let thumbnail = Buffer.alloc(0);
  for (const [side, quality] of [[THUMB_SIDE, 75], [THUMB_SIDE, 55], [200, 50], [120, 45]] as const) {
    thumbnail = await sharp(out.data).resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true }).jpeg({ quality }).toBuffer();
    if (thumbnail.length <= THUMB_MAX_BYTES) break;
  }
  return { bytes: out.data, mimeType: type.mimeType === 'image/png' ? 'image/png' : 'image/jpeg', width: out.info.width, height: out.info.height, thumbnail };
}

/**
 * Drops what a recording carries besides the sound, where that can be done without re-encoding:
 * an MP3's ID3 tags (v2 at the start, v1 at the end); in an M4A, every `udta` and `meta` box
 * (title, phone, ©xyz location) becomes a `free` box of the same size with zeroed contents, so
 * no offset in the file moves. WebM recordings from a browser carry no such tags and are kept
 * as recorded.
 */
export function sanitizeAudio(input: Buffer, type: DetectedType): Sanitized {
  if (type.mimeType === 'audio/mpeg') return { bytes: stripId3(input), mimeType: type.mimeType };
  if (type.mimeType === 'audio/mp4') {
    const bytes = Buffer.from(input);
    blankMp4Metadata(bytes, 0, bytes.length, 0);
    return { bytes, mimeType: type.mimeType };
  }
  return { bytes: input, mimeType: type.mimeType };
}

function stripId3(input: Buffer): Buffer {
  let start = 0;
  while (input.length >= start + 10 && input.toString('latin1', start, start + 3) === 'ID3') {
    // Synchsafe size: 4 × 7 bits, plus the 10-byte header and a 10-byte footer when flagged.
    const size = ((input[start + 6] & 0x7f) << 21) | ((input[start + 7] & 0x7f) << 14) | ((input[start + 8] & 0x7f) << 7) | (input[start + 9] & 0x7f);
    start += 10 + size + (input[start + 5] & 0x10 ? 10 : 0);
  }
  let end = input.length;
  if (end - start >= 128 && input.toString('latin1', end - 128, end - 125) === 'TAG') end -= 128;
  return input.subarray(Math.min(start, end), end);
}

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts']);

function blankMp4Metadata(b: Buffer, from: number, to: number, depth: number): void {
  let at = from;
  while (at + 8 <= to && depth < 8) {
    let size = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1 && at + 16 <= to) {
      size = Number(b.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) return;
    if (type === 'udta' || type === 'meta' || type === 'uuid') {
      b.write('free', at + 4, 'latin1');
      b.fill(0, at + header, at + size);
    } else if (CONTAINERS.has(type)) {
      blankMp4Metadata(b, at + header, at + size, depth + 1);
    }
    at += size;
  }
}
