import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import aws4 from 'aws4';
import type { FileConfig } from '../../config';

/**
 * Where the bytes of uploaded files are kept, behind one interface: a folder (the default,
 * under the data folder, so the embedded mode needs no server) or any S3-compatible object
 * store (STORAGE_URL). Keys are content addresses (`<school id>/<sha-256>`), so the same bytes
 * are stored once per school; a `put` is whole or nothing (a folder writes a private temporary
 * file and renames it; an S3 PUT is atomic).
 */
export interface BlobStore {
  /** What the store is, for logs and the README: `folder /…` or `s3 host/bucket`. */
  readonly description: string;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
  /** Removes `key`; removing what is not there is no error. */
  delete(key: string): Promise<void>;
  /** Every key under `prefix` (tests and maintenance). */
  list(prefix: string): Promise<string[]>;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f]{64}$/;

function checkKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a content key: ${key}`);
}

export class FolderBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  get description(): string {
    return `folder ${this.root}`;
  }

  private pathOf(key: string): string {
    checkKey(key);
    const [school, sha] = key.split('/');
    return path.join(this.root, school, sha.slice(0, 2), sha);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const draft = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.writeFile(draft, bytes, { mode: 0o600, flag: 'wx' });
      await fs.rename(draft, file);
    } catch (e) {
      await fs.rm(draft, { force: true });
      throw e;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let schools: string[];
    try {
      schools = await fs.readdir(this.root);
    } catch {
      return [];
    }
    for (const school of schools) {
      for (const fan of await fs.readdir(path.join(this.root, school)).catch(() => [] as string[])) {
        for (const name of await fs.readdir(path.join(this.root, school, fan)).catch(() => [] as string[])) {
          const key = `${school}/${name}`;
          if (KEY.test(key) && key.startsWith(prefix)) keys.push(key);
        }
      }
    }
    return keys.sort();
  }
}

/**
 * An S3-compatible store, spoken to over HTTP with Signature V4 (the `aws4` signer): PUT, GET,
 * HEAD, DELETE and ListObjectsV2 of one bucket. Path-style addressing by default
 * (`host/bucket/key`, what MinIO, Ceph and most compatible stores take); `style=virtual` for
 * stores that want `bucket.host/key`.
 */
export class S3BlobStore implements BlobStore {
  private readonly endpoint: URL;
  private readonly bucket: string;
  private readonly region: string;
  private readonly virtual: boolean;
  private readonly credentials: { accessKeyId: string; secretAccessKey: string };

  constructor(storageUrl: string) {
    const url = new URL(storageUrl);
    this.endpoint = new URL(`${url.protocol.slice('s3+'.length)}//${url.host}`);
    this.bucket = url.pathname.split('/').filter(Boolean)[0];
    this.region = url.searchParams.get('region') || 'us-east-1';
    this.virtual = url.searchParams.get('style') === 'virtual';
    this.credentials = { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) };
  }

  get description(): string {
    return `s3 ${this.endpoint.host}/${this.bucket}`;
  }

  private async send(method: string, key: string, options: { body?: Buffer; contentType?: string; query?: string } = {}): Promise<Response> {
    const host = this.virtual ? `${this.bucket}.${this.endpoint.host}` : this.endpoint.host;
    const pathPart = (this.virtual ? '' : `/${this.bucket}`) + (key ? `/${key}` : '/');
    const request = {
      host, method, service: 's3', region: this.region,
      path: pathPart + (options.query ? `?${options.query}` : ''),
      headers: { ...(options.contentType ? { 'content-type': options.contentType } : {}) } as Record<string, string>,
      body: options.body,
    };
    aws4.sign(request, this.credentials);
    const res = await fetch(`${this.endpoint.protocol}//${host}${request.path}`, {
      method, headers: request.headers as Record<string, string>, body: options.body ? new Uint8Array(options.body) : undefined,
    });
    return res;
  }

  private async fail(res: Response, what: string): Promise<never> {
    const text = await res.text().catch(() => '');
    throw new Error(`${what} failed: HTTP ${res.status} ${text.slice(0, 300)}`);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    checkKey(key);
    const res = await this.send('PUT', key, { body: bytes, contentType });
    if (!res.ok) await this.fail(res, `S3 PUT ${key}`);
    await res.arrayBuffer();
  }

  async get(key: string): Promise<Buffer | null> {
    checkKey(key);
    const res = await this.send('GET', key);
    if (res.status === 404) {
      await res.arrayBuffer();
      return null;
    }
    if (!res.ok) await this.fail(res, `S3 GET ${key}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async has(key: string): Promise<boolean> {
    checkKey(key);
    const res = await this.send('HEAD', key);
    await res.arrayBuffer();
    if (res.status === 404) return false;
    if (!res.ok) throw new Error(`S3 HEAD ${key} failed: HTTP ${res.status}`);
    return true;
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) await this.fail(res, `S3 DELETE ${key}`);
    await res.arrayBuffer().catch(() => undefined);
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | null = null;
    do {
      const query: string = `list-type=2&prefix=${encodeURIComponent(prefix)}${token ? `&continuation-token=${encodeURIComponent(token)}` : ''}`;
      const res = await this.send('GET', '', { query });
      if (!res.ok) await this.fail(res, 'S3 list');
      const xml = await res.text();
      for (const m of xml.matchAll(/<Key>([^<]+)<\/Key>/g)) keys.push(m[1]);
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? (/<NextContinuationToken>([^<]+)<\/NextContinuationToken>/.exec(xml)?.[1] ?? null) : null;
    } while (token);
    return keys.sort();
  }
}

const stores = new WeakMap<FileConfig, BlobStore>();

/** The store the configuration names: S3 when STORAGE_URL is set, else the folder. One per configuration. */
export function blobStoreFor(config: FileConfig): BlobStore {
  let store = stores.get(config);
  if (!store) {
    store = config.storageUrl ? new S3BlobStore(config.storageUrl) : new FolderBlobStore(config.storageDir);
    stores.set(config, store);
  }
  return store;
}
