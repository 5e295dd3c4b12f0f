import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobStore, FolderBlobStore, S3BlobStore } from '../../src/modules/attachment/blob-store';
import { S3Server, startS3Server } from '../support/s3-server';

/** The same suite for both stores: a folder, and an S3-compatible server over HTTP on loopback. */
const STORES: [string, () => Promise<{ store: BlobStore; stop: () => Promise<void> }>][] = [
  ['folder', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'blobs-'));
    return { store: new FolderBlobStore(root), stop: async () => fs.rmSync(root, { recursive: true, force: true }) };
  }],
  ['s3', async () => {
    const server: S3Server = await startS3Server();
    return { store: new S3BlobStore(server.storageUrl), stop: () => server.stop() };
  }],
];

const keyOf = (school: string, bytes: Buffer) => `${school}/${createHash('sha256').update(bytes).digest('hex')}`;

describe.each(STORES)('the %s store', (_name, open) => {
  let store: BlobStore;
  let stop: () => Promise<void>;
  const school = randomUUID();
  beforeAll(async () => ({ store, stop } = await open()));
  afterAll(() => stop?.());

  it('keeps bytes under their content key and gives them back unchanged', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
    const key = keyOf(school, bytes);
    expect(await store.has(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    await store.put(key, bytes, 'application/octet-stream');
    expect(await store.has(key)).toBe(true);
    expect((await store.get(key))!.equals(bytes)).toBe(true);
    // The same bytes again: still one object.
    await store.put(key, bytes, 'application/octet-stream');
    expect(await store.list(`${school}/`)).toEqual([key]);
  });

  it('deletes, and deleting what is gone is no error', async () => {
    const bytes = Buffer.from('录音');
    const key = keyOf(school, bytes);
    await store.put(key, bytes, 'audio/mp4');
    await store.delete(key);
    expect(await store.has(key)).toBe(false);
    await store.delete(key);
    expect(await store.list(`${school}/`)).not.toContain(key);
  });

  it('refuses a key that is not a content address', async () => {
    await expect(store.put('../../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/not a content key/);
  });
});

// s3rver checks the access key of a Signature V4 request but not the signature itself.
it('an S3 request with an unknown access key is refused by the server (requests carry their credentials)', async () => {
  const server = await startS3Server();
  try {
    const wrong = new S3BlobStore(server.storageUrl.replace('S3RVER:S3RVER', 'NOBODY:S3RVER'));
    await expect(wrong.put(keyOf(randomUUID(), Buffer.from('x')), Buffer.from('x'), 'text/plain')).rejects.toThrow(/HTTP 403/);
  } finally {
    await server.stop();
  }
});
