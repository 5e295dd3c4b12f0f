import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { fromGlobalId, toGlobalId } from '../../src/core/ids';
import { fileLink, FILE_LINK_TTL_SECONDS } from '../../src/modules/attachment/attachment.service';
import { blobStoreFor } from '../../src/modules/attachment/blob-store';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { createAndPublish, ids, insertItem } from '../support/assignments';
import { OTHER_SCHOOL } from '../support/fixtures';
import { S3Server, startS3Server } from '../support/s3-server';
import { TEST_SECRET, TestApp } from '../support/test-app';

/**
 * Photos and recordings for real, on both stores: a phone photo with GPS in its EXIF is handed
 * in, stored without any metadata, seen and marked on by the teacher, refused to a classmate,
 * another school and an expired link; wrong types, oversized files and cut connections leave
 * nothing behind; deleting the student removes the bytes.
 */
const SCHOOL_BASE = { code: 'files-test', name: '测试庚校', stage: SchoolStage.JUNIOR, grades: [8], classesPerGrade: 1, studentsPerClass: 3, nameSeed: 17 };
const DAY = '2026-12-01';
const CHUNK = 16 * 1024;

/** A phone photo: 1200×900 of grainy paper with writing, EXIF with the phone and a GPS position (Beijing). */
async function phonePhoto(mean = 200): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: '#ffffff', noise: { type: 'gaussian', mean, sigma: 6 } } })
    .composite([{ input: Buffer.from('<svg width="1200" height="900"><text x="100" y="400" font-size="120">3.2 × 4 = 12.8</text></svg>') }])
    .jpeg({ quality: 95 })
    .withExif({ IFD0: { Make: 'TestPhone', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 1700/100' } })
    .toBuffer();
}

/** The GPS IFD pointer (tag 0x8825) in either byte order. */
const hasGpsTag = (exif: Buffer | undefined) => !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

describe.each(['folder', 's3'] as const)('files in the %s store', (storeKind) => {
  // A school of its own per store (test helpers remember units by school).
  const SCHOOL = { ...SCHOOL_BASE, code: `files-${storeKind}` };
  let t: TestApp;
  let s3: S3Server | undefined;
  let dataDir: string;
  const tok: Record<string, string> = {};
  let assignmentId: string;
  let submissionId: string;
  let photoId: string;
  let photoBytes: Buffer;

  const store = () => blobStoreFor(t.config.files);
  const schoolKeys = () => store().list(`${t.schools[0].schoolId}/`);
  const staging = () => fs.readdirSync(path.join(path.dirname(t.config.files.storageDir), 'uploads'), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  const fileRows = async () => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM attachments`))[0].n + (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM attachment_blobs`))[0].n;

  async function start(token: string, name: string, sizeBytes: number) {
    const res = await fetch(`${t.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name, sizeBytes }) });
    return { status: res.status, body: (await res.json()) as any };
  }

  async function patch(token: string, uploadId: string, offset: number, bytes: Buffer) {
    const res = await fetch(`${t.url}/uploads/${uploadId}`, {
      method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(bytes),
    });
    const text = await res.text();
    return { status: res.status, offset: Number(res.headers.get('upload-offset')), body: text ? JSON.parse(text) : null };
  }

  /** Uploads `bytes` in chunks; the last answer. */
  async function upload(token: string, name: string, bytes: Buffer) {
    const started = await start(token, name, bytes.length);
    if (started.status !== 201) return { status: started.status, body: started.body, offset: 0 };
    let last = { status: 0, offset: 0, body: null as any };
    for (let at = 0; at < bytes.length; at += CHUNK) {
      last = await patch(token, started.body.uploadId, at, bytes.subarray(at, at + CHUNK));
      if (last.status !== 204) return last;
    }
    return last;
  }

  const get = async (url: string) => {
    const res = await fetch(`${t.url}${url}`);
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  };

  const VERSION_FILES = `query($id: ID!) { submission(id: $id) { versions { files { id kind mimeType name width height sizeBytes url thumbnailUrl penLayer { revision strokes { color width points } } } } } }`;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'files-test-'));
    const env: Record<string, string> = { DATA_DIR: dataDir, UPLOAD_CHUNK_KB: '16', UPLOAD_MAX_IMAGE_MB: '2', UPLOAD_MAX_PHOTOS: '3' };
    if (storeKind === 's3') {
      s3 = await startS3Server();
      env.STORAGE_URL = s3.storageUrl;
    }
    t = await TestApp.start([SCHOOL, OTHER_SCHOOL], env);
    for (const u of ['t8sx1', 's80101', 's80102', 'p80101', 'jiaowu']) tok[u] = await t.login(u);
    tok.other = await t.login('t3sx1', 'test-b');
    const item = await insertItem(t, { subject: 'math', grade: 8, title: '整式乘法·基础练习', minutes: 12 });
    const published = await createAndPublish(t, tok.t8sx1, {
      ...ids(t, 8, 'math'), date: DAY, shape: 'PACKAGES', title: '整式的乘法',
      options: [{ key: 'A', name: 'A 套餐', items: [{ itemId: item, atHome: true }] }, { key: 'B', name: 'B 套餐', items: [{ itemId: item, atHome: true }] }],
    });
    expect(published.userErrors).toEqual([]);
    assignmentId = published.assignment.id;
    photoBytes = await phonePhoto();
  });
  afterAll(async () => {
    await t?.stop();
    await s3?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the phone photo carries GPS EXIF before upload', async () => {
    const meta = await sharp(photoBytes).metadata();
    expect(hasGpsTag(meta.exif)).toBe(true);
    expect(photoBytes.includes('TestPhone')).toBe(true);
  });

  it('a student uploads the photo in chunks and hands it in; it is stored re-encoded without EXIF', async () => {
    expect(photoBytes.length).toBeGreaterThan(2 * CHUNK);
    const done = await upload(tok.s80101, '作业照片.jpg', photoBytes);
    expect(done.status).toBe(201);
    expect(done.body.file).toMatchObject({ kind: 'IMAGE', mimeType: 'image/jpeg', name: '作业照片.jpg', width: 1200, height: 900 });
    photoId = done.body.file.id;
    const { submissionCreate } = await t.ok(`mutation($input: SubmissionCreateInput!) { submissionCreate(input: $input) { submission { id } userErrors { code message } } }`,
      { input: { assignmentId, choice: 'A', answer: '', fileIds: [photoId], actualMinutes: 15, clientKey: `photo-${storeKind}-1` } }, tok.s80101);
    expect(submissionCreate.userErrors).toEqual([]);
    submissionId = submissionCreate.submission.id;
    // The store holds the photo and its thumbnail under content keys; neither has any metadata.
    const keys = await schoolKeys();
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      const bytes = (await store().get(key))!;
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(bytes.includes('TestPhone')).toBe(false);
    }
    expect(staging()).toEqual([]);
  });

  it('the teacher sees the photo through a signed link, and the read is in the access log', async () => {
    const { submission } = await t.ok(VERSION_FILES, { id: submissionId }, tok.t8sx1);
    const [file] = submission.versions[0].files;
    expect(file).toMatchObject({ id: photoId, kind: 'IMAGE', width: 1200, height: 900, penLayer: null });
    const full = await get(file.url);
    expect(full).toMatchObject({ status: 200, type: 'image/jpeg' });
    expect((await sharp(full.bytes).metadata()).exif).toBeUndefined();
    const thumb = await get(file.thumbnailUrl);
    expect(thumb.status).toBe(200);
    const thumbMeta = await sharp(thumb.bytes).metadata();
    expect(Math.max(thumbMeta.width!, thumbMeta.height!)).toBeLessThanOrEqual(320);
    expect(thumb.bytes.length).toBeLessThanOrEqual(48 * 1024);
    const logged = await t.db.dataSource.query(`SELECT actor_id, student_id FROM access_log WHERE resource = 'attachment' AND resource_id = $1`, [fromGlobalId(photoId, 'UploadedFile')]);
    expect(logged).toContainEqual({ actor_id: t.user('t8sx1').id, student_id: t.user('s80101').id });
    // The student and their parent see it too; their reads are not staff reads.
    const mine = await t.ok(VERSION_FILES, { id: submissionId }, tok.p80101);
    expect((await get(mine.submission.versions[0].files[0].url)).status).toBe(200);
  });

  it('the teacher marks on the photo: a pen layer over it, the original unchanged', async () => {
    const before = await schoolKeys();
    const strokes = [{ color: '#e53935', width: 4, points: [100, 120, 180, 200, 260, 210] }];
    const ANNOTATE = `mutation($i: FileAnnotateInput!) { fileAnnotate(input: $i) { file { penLayer { revision strokes { color width points } } } userErrors { code } } }`;
    const { fileAnnotate } = await t.ok(ANNOTATE, { i: { fileId: photoId, strokes } }, tok.t8sx1);
    expect(fileAnnotate).toEqual({ file: { penLayer: { revision: 1, strokes } }, userErrors: [] });
    // A stale revision is refused; the current one replaces the layer.
    const stale = await t.ok(ANNOTATE, { i: { fileId: photoId, strokes: [] } }, tok.t8sx1);
    expect(stale.fileAnnotate.userErrors).toEqual([{ code: 'STALE_REVISION' }]);
    expect(await schoolKeys()).toEqual(before);
    const { submission } = await t.ok(VERSION_FILES, { id: submissionId }, tok.s80101);
    expect(submission.versions[0].files[0].penLayer).toEqual({ revision: 1, strokes });
    // A student cannot mark.
    const byStudent = await t.gql(ANNOTATE, { i: { fileId: photoId, strokes } }, tok.s80102);
    expect(byStudent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("a classmate, another school's teacher and an expired link are refused", async () => {
    const asClassmate = await t.gql(VERSION_FILES, { id: submissionId }, tok.s80102);
    expect(asClassmate.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const fileId = fromGlobalId(photoId, 'UploadedFile');
    const versionOf = async (username: string, school = 0) =>
      (await t.db.dataSource.query(`SELECT token_version FROM users WHERE id = $1`, [t.user(username, school).id]))[0].token_version;
    // Links signed for them as the service would: the rules of the submission refuse them all the same.
    const classmateLink = fileLink({ schoolId: t.schools[0].schoolId, userId: t.user('s80102').id, ver: await versionOf('s80102'), fileId, variant: 'full' }, TEST_SECRET);
    const refused = await get(classmateLink);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.bytes.toString()).errors[0].message).toMatch(/无权查看/);
    const otherLink = fileLink({ schoolId: t.schools[1].schoolId, userId: t.user('t3sx1', 1).id, ver: await versionOf('t3sx1', 1), fileId, variant: 'full' }, TEST_SECRET);
    expect((await get(otherLink)).status).toBe(403);
    const teacher = { schoolId: t.schools[0].schoolId, userId: t.user('t8sx1').id, ver: await versionOf('t8sx1'), fileId, variant: 'full' as const };
    const expired = fileLink(teacher, TEST_SECRET, Date.now() - (FILE_LINK_TTL_SECONDS + 1) * 1000);
    expect((await get(expired)).status).toBe(403);
    expect((await get(fileLink(teacher, TEST_SECRET))).status).toBe(200);
    // A forged link (the classmate's id in a link signed for the teacher) fails its signature.
    const real = new URL(fileLink(teacher, TEST_SECRET), 'http://x');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(real.searchParams.get('p')!, 'base64url').toString()), userId: t.user('s80102').id })).toString('base64url');
    expect((await get(`/files/${fileId}?p=${forged}&s=${real.searchParams.get('s')}`)).status).toBe(403);
  });

  it('the same photo uploaded again is stored once', async () => {
    const before = await schoolKeys();
    const again = await upload(tok.s80101, '再拍一次.jpg', photoBytes);
    expect(again.status).toBe(201);
    expect(again.body.file.id).not.toBe(photoId);
    expect(await schoolKeys()).toEqual(before);
  });

  it('a file that is not an accepted type is refused by its bytes, whatever its name, and nothing is kept', async () => {
    const before = [await schoolKeys(), await fileRows()];
    const fake = Buffer.concat([Buffer.from('MZ this is a program, not a photo '), Buffer.alloc(2000, 1)]);
    const refused = await upload(tok.s80101, '照片.jpg', fake);
    expect(refused.status).toBe(415);
    expect(refused.body.errors[0]).toMatchObject({ extensions: { code: 'FILE_TYPE_NOT_ALLOWED' } });
    expect(refused.body.errors[0].message).toMatch(/不支持这种文件/);
    // HEIC from an iPhone: recognised and refused with its own message.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic'), Buffer.alloc(500)]);
    const heicRefused = await upload(tok.s80101, 'IMG_0001.HEIC', heic);
    expect(heicRefused.status).toBe(415);
    expect(heicRefused.body.errors[0]).toMatchObject({ extensions: { code: 'HEIC_NOT_SUPPORTED' } });
    expect([await schoolKeys(), await fileRows()]).toEqual(before);
    expect(staging()).toEqual([]);
  });

  it('an oversized photo is refused at its first chunk with the limit named, and nothing is kept', async () => {
    const before = [await schoolKeys(), await fileRows()];
    const started = await start(tok.s80101, '大照片.jpg', 3 * 1024 * 1024);
    expect(started.status).toBe(201);
    const refused = await patch(tok.s80101, started.body.uploadId, 0, photoBytes.subarray(0, CHUNK));
    expect(refused.status).toBe(413);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'FILE_TOO_LARGE', figures: { sizeBytes: 3 * 1024 * 1024, maxBytes: 2 * 1024 * 1024 } });
    expect(refused.body.errors[0].message).toMatch(/照片太大：3 MB，每个照片最多 2 MB/);
    // Bigger than any kind allows: refused before a byte is sent.
    expect((await start(tok.s80101, '电影.mp4', 600 * 1024 * 1024)).status).toBe(413);
    expect([await schoolKeys(), await fileRows()]).toEqual(before);
    expect(staging()).toEqual([]);
  });

  it('a connection cut in the middle of a chunk leaves nothing half-written, and the upload resumes', async () => {
    const before = [await schoolKeys(), await fileRows()];
    const photo = await phonePhoto(180);
    const started = await start(tok.s80102, '另一张.jpg', photo.length);
    const uploadId = started.body.uploadId;
    expect((await patch(tok.s80102, uploadId, 0, photo.subarray(0, CHUNK))).offset).toBe(CHUNK);
    // The second chunk announced whole, half sent, then the socket destroyed.
    await new Promise<void>((resolve) => {
      const req = http.request(`${t.url}/uploads/${uploadId}`, {
        method: 'PATCH', headers: { authorization: `Bearer ${tok.s80102}`, 'upload-offset': String(CHUNK), 'content-length': String(CHUNK) },
      });
      req.on('error', () => resolve());
      req.write(photo.subarray(CHUNK, CHUNK + CHUNK / 2), () => setImmediate(() => {
        req.destroy();
        resolve();
      }));
    });
    // Whether or not the server has noticed the cut yet, HEAD reports the last whole chunk.
    const head = await fetch(`${t.url}/uploads/${uploadId}`, { method: 'HEAD', headers: { authorization: `Bearer ${tok.s80102}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe(String(CHUNK));
    expect([await schoolKeys(), await fileRows()]).toEqual(before);
    // Resumed from there, the upload completes.
    let last = { status: 0, offset: 0, body: null as any };
    for (let at = CHUNK; at < photo.length; at += CHUNK) last = await patch(tok.s80102, uploadId, at, photo.subarray(at, at + CHUNK));
    expect(last.status).toBe(201);
    expect(last.body.file.kind).toBe('IMAGE');
  });

  it('the guardian export includes the files; deleting the student removes their bytes from the store', async () => {
    const { studentDataExport } = await t.ok(`query($s: ID!) { studentDataExport(studentId: $s) }`, { s: toGlobalId('User', t.user('s80101').id) }, tok.p80101);
    const exported = JSON.parse(studentDataExport);
    expect(exported.files).toHaveLength(2);
    const inlined = Buffer.from(exported.files[0].contentBase64, 'base64');
    expect((await sharp(inlined).metadata()).exif).toBeUndefined();
    const shas: string[] = (await t.db.dataSource.query(`SELECT sha256 FROM attachment_blobs b WHERE EXISTS (SELECT 1 FROM attachments a WHERE a.owner_id = $1 AND (a.sha256 = b.sha256 OR a.thumb_sha256 = b.sha256))`,
      [t.user('s80101').id])).map((r: any) => r.sha256);
    expect(shas).toHaveLength(2);
    const others = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM attachments WHERE owner_id <> $1`, [t.user('s80101').id]);
    const { studentDataDelete } = await t.ok(`mutation($s: ID!) { studentDataDelete(studentId: $s) { userErrors { code } } }`, { s: toGlobalId('User', t.user('s80101').id) }, tok.jiaowu);
    expect(studentDataDelete.userErrors).toEqual([]);
    const keys = await schoolKeys();
    for (const sha of shas) expect(keys).not.toContain(`${t.schools[0].schoolId}/${sha}`);
    expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM attachments`)).toEqual(others);
  });
});
