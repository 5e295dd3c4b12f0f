import { detectType } from '../../src/modules/attachment/file-type';
import { sanitizeAudio } from '../../src/modules/attachment/sanitize';

const box = (type: string, body: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
};

describe('the type of an upload, from its bytes', () => {
  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    ['M4A', box('ftyp', Buffer.from('M4A \0\0\0\0M4A mp42isom')), 'audio/mp4'],
    ['MP3 with ID3', Buffer.from('ID3\x04\0\0\0\0\0\0'), 'audio/mpeg'],
    ['bare MP3 frame', Buffer.from([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['WebM', Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]), Buffer.from('webm')]), 'audio/webm'],
  ])('%s', (_name, bytes, mimeType) => {
    expect(detectType(bytes)?.mimeType).toBe(mimeType);
  });

  it('HEIC is recognised in order to be refused; anything else is unknown whatever it is called', () => {
    expect(detectType(box('ftyp', Buffer.from('heic\0\0\0\0mif1heic')))).toMatchObject({ refused: 'heic' });
    expect(detectType(Buffer.from('MZ\x90\0 an executable'))).toBeNull();
    expect(detectType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectType(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('matroska')]))).toBeNull();
  });
});

describe('tags dropped from recordings without re-encoding', () => {
  it('an MP3 loses its ID3v2 and ID3v1 tags, the frames unchanged', () => {
    const frames = Buffer.from([0xff, 0xfb, 0x90, 0x64, 1, 2, 3, 4]);
    const v2 = Buffer.concat([Buffer.from('ID3\x04\0\0\0\0\0\x05'), Buffer.from('TIT2x')]);
    const v1 = Buffer.concat([Buffer.from('TAG'), Buffer.alloc(125, 0x41)]);
    const out = sanitizeAudio(Buffer.concat([v2, frames, v1]), { kind: 'audio', mimeType: 'audio/mpeg' });
    expect(out.bytes.equals(frames)).toBe(true);
  });

  it("an M4A's udta box (with a ©xyz location) becomes a free box of the same size; offsets stay", () => {
    const udta = box('udta', box('\xa9xyz', Buffer.from('+39.9042+116.4074/', 'latin1')));
    const input = Buffer.concat([box('ftyp', Buffer.from('M4A \0\0\0\0')), box('moov', Buffer.concat([box('mvhd', Buffer.alloc(20, 7)), udta])), box('mdat', Buffer.alloc(16, 9))]);
    const out = sanitizeAudio(input, { kind: 'audio', mimeType: 'audio/mp4' }).bytes;
    expect(out.length).toBe(input.length);
    expect(out.includes('+39.9042')).toBe(false);
    expect(out.includes('udta')).toBe(false);
    expect(out.includes('free')).toBe(true);
    expect(out.subarray(out.length - 24).equals(input.subarray(input.length - 24))).toBe(true);
  });
});
