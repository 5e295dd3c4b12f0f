import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { AppConfig } from '../../config';
import { RequestContext } from '../../core/context';
import { Database } from '../../core/database';
import { DomainError, RuleViolation } from '../../core/errors';
import { Logger } from '../../core/logger';
import { Locale, MessageText, render } from '../../core/messages';
import { RequestScope } from '../../core/request-scope';
import { Role } from '../../core/roles';
import { toGlobalId } from '../../core/ids';
import { authService } from '../auth/auth.service';
import { privacyService } from '../privacy/privacy.service';
import { createLoaders } from '../registry';
import { userService } from '../user/user.service';
import { FileAttachment } from './attachment.entity';
import { acceptType, attachmentService, checkFileLink, checkSize, keyOf } from './attachment.service';
import { SNIFF_BYTES } from './file-type';

/**
 * The upload protocol (README "Photos and recordings"): chunked and resumable, for phones on
 * weak networks, on the service's own HTTP server with the bearer token:
 *
 * - `POST /uploads` `{"name": "作业.jpg", "sizeBytes": 1234567}` → 201 `{uploadId, offset: 0, chunkBytes}`
 * - `PATCH /uploads/{id}` with `Upload-Offset: n` and the next bytes (at most `chunkBytes`) as
 *   the body → 204 with the new `Upload-Offset`; the last chunk → 201 `{file}` once the file is
 *   checked and kept. A chunk whose offset is not the current one → 409 with the current offset.
 * - `HEAD /uploads/{id}` → the current `Upload-Offset`, to resume after a cut connection.
 * - `DELETE /uploads/{id}` → 204, abandoned.
 *
 * A chunk is appended only once it has arrived whole, so a connection cut mid-chunk leaves
 * the upload where the last whole chunk left it; nothing reaches the store or the database
 * before the last chunk, and a refused file (type, size, space) leaves nothing behind. Uploads
 * not finished within a day are swept away.
 */
export const UPLOAD_TTL_MS = 24 * 3600 * 1000;

interface Staged {
  schoolId: string;
  userId: string;
  name: string;
  sizeBytes: number;
  createdAt: number;
}

export class HttpFailure extends Error {
  /** `text` is written in the request's language when answered (Chinese by default, English kept). */
  constructor(readonly status: number, readonly text: MessageText, readonly code: string, readonly extra: Record<string, unknown> = {}) {
    super(render(text));
  }

  messageIn(locale: Locale): string {
    return render(this.text, {}, locale);
  }
}

const STATUS_OF: Record<string, number> = {
  FILE_TOO_LARGE: 413, FILE_TYPE_NOT_ALLOWED: 415, HEIC_NOT_SUPPORTED: 415, FILE_UNREADABLE: 422, SCHOOL_STORAGE_FULL: 507, CONSENT_REQUIRED: 403,
};

const ID = /^[0-9a-f-]{36}$/;

export class UploadEndpoint {
  private readonly inFlight = new Map<string, Promise<void>>();
  readonly stagingDir: string;

  constructor(private readonly config: AppConfig, private readonly db: Database, private readonly logger: Logger) {
    this.stagingDir = path.join(path.dirname(config.files.storageDir), 'uploads');
  }

  /** Answers a request to /uploads or /files; false when the path is neither. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL, locale: Locale): Promise<boolean> {
    const isUpload = url.pathname === '/uploads' || url.pathname.startsWith('/uploads/');
    const isFile = url.pathname.startsWith('/files/') && req.method === 'GET';
    if (!isUpload && !isFile) return false;
    try {
      if (isFile) await this.serveFile(url, res);
      else await this.upload(req, res, url);
    } catch (e) {
      if (res.headersSent) res.end();
      else refuse(res, e, locale);
    }
    return true;
  }

  private async upload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const claims = authService.claimsFromAuthorization(this.config, req.headers.authorization);
    if (!claims) throw new HttpFailure(401, { zh: () => '请先登录再上传文件', en: () => 'Sign in first to upload files' }, 'UNAUTHENTICATED');
    const id = url.pathname.slice('/uploads/'.length);
    if (url.pathname === '/uploads') {
      if (req.method !== 'POST') throw new HttpFailure(405, { zh: () => '开始上传请用 POST /uploads', en: () => 'POST /uploads starts an upload' }, 'METHOD_NOT_ALLOWED');
      return this.start(req, res, claims);
    }
    if (!ID.test(id)) throw notFound();
    const staged = await this.staged(id);
    if (!staged || staged.userId !== claims.sub || staged.schoolId !== claims.sch) throw notFound();
    if (req.method === 'PATCH') {
      // A chunk sent while an earlier one is still being received (a client retrying after a
      // cut it noticed first) waits for that one to end, then is checked against the offset.
      let running = this.inFlight.get(id);
      while (running) {
        await running;
        running = this.inFlight.get(id);
      }
      let done!: () => void;
      this.inFlight.set(id, new Promise<void>((resolve) => (done = resolve)));
      try {
        const current = await this.staged(id);
        if (!current) throw notFound();
        return await this.patch(req, res, id, current, await this.offsetOf(id), claims);
      } finally {
        this.inFlight.delete(id);
        done();
      }
    }
    const offset = await this.offsetOf(id);
    if (req.method === 'HEAD') {
      res.statusCode = 200;
      res.setHeader('upload-offset', String(offset));
      res.setHeader('upload-length', String(staged.sizeBytes));
      res.setHeader('cache-control', 'no-store');
      return void res.end();
    }
    if (req.method === 'DELETE') {
      await this.discard(id);
      res.statusCode = 204;
      return void res.end();
    }
    throw new HttpFailure(405, { zh: () => '上传中的文件只接受 PATCH、HEAD 或 DELETE /uploads/{id}', en: () => 'PATCH, HEAD or DELETE /uploads/{id}' }, 'METHOD_NOT_ALLOWED');
  }

  private async start(req: http.IncomingMessage, res: http.ServerResponse, claims: { sub: string; sch: string; ver: number }): Promise<void> {
    const body = await readAll(req, 4096);
    let parsed: { name?: unknown; sizeBytes?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpFailure(400, { zh: () => '请求内容须为 JSON：{"name": "作业.jpg", "sizeBytes": 123456}', en: () => 'The body must be JSON: {"name": "作业.jpg", "sizeBytes": 123456}' }, 'BAD_REQUEST');
    }
    const name = typeof parsed.name === 'string' ? parsed.name.trim().slice(0, 200) : '';
    const sizeBytes = parsed.sizeBytes;
    if (!name || typeof sizeBytes !== 'number' || !Number.isInteger(sizeBytes) || sizeBytes < 1) {
      throw new HttpFailure(400, {
        zh: () => '请给出文件名和文件大小（字节）：{"name": "作业.jpg", "sizeBytes": 123456}', en: () => 'Give the file name and its size in bytes: {"name": "作业.jpg", "sizeBytes": 123456}',
      }, 'BAD_REQUEST');
    }
    checkSize(this.config, null, sizeBytes);
    // Who may upload, and whether the school has room, are checked before a byte is taken.
    await this.asViewer(claims.sch, claims.sub, claims.ver, async (ctx) => {
      if (ctx.hasRole(Role.STUDENT)) await privacyService.requireConsent(ctx, ctx.viewer.userId);
      await attachmentService.checkSpace(ctx, sizeBytes);
    });
    await this.sweep();
    const id = randomUUID();
    await fs.mkdir(this.stagingDir, { recursive: true, mode: 0o700 });
    const staged: Staged = { schoolId: claims.sch, userId: claims.sub, name, sizeBytes, createdAt: Date.now() };
    await fs.writeFile(this.partOf(id), Buffer.alloc(0), { mode: 0o600, flag: 'wx' });
    await fs.writeFile(this.metaOf(id), JSON.stringify(staged), { mode: 0o600, flag: 'wx' });
    res.statusCode = 201;
    res.setHeader('location', `/uploads/${id}`);
    res.setHeader('upload-offset', '0');
    send(res, 201, { uploadId: id, offset: 0, sizeBytes, chunkBytes: this.config.files.chunkBytes });
  }

  private async patch(req: http.IncomingMessage, res: http.ServerResponse, id: string, staged: Staged, offset: number, claims: { sub: string; sch: string; ver: number }) {
    const given = Number(req.headers['upload-offset']);
    if (!Number.isInteger(given) || given !== offset) {
      req.resume();
      res.setHeader('upload-offset', String(offset));
      throw new HttpFailure(409, {
        zh: () => `上传已到第 ${offset} 字节，请从这里接着发送（Upload-Offset: ${offset}）`, en: () => `The upload is at byte ${offset}; send the bytes from there (Upload-Offset: ${offset})`,
      }, 'UPLOAD_OFFSET_MISMATCH', { offset });
    }
    // The whole chunk first: a connection cut here leaves the upload as it was.
    const chunk = await readAll(req, this.config.files.chunkBytes);
    if (offset + chunk.length > staged.sizeBytes) {
      throw new HttpFailure(400, {
        zh: () => `这个上传申报为 ${staged.sizeBytes} 字节，这一段超出了它`, en: () => `The upload was announced as ${staged.sizeBytes} bytes; this chunk goes past it`,
      }, 'UPLOAD_TOO_LONG', { offset });
    }
    if (offset === 0) {
      // The first bytes tell what the file is: refused at once, before more is sent.
      if (chunk.length < Math.min(SNIFF_BYTES, staged.sizeBytes)) {
        throw new HttpFailure(400, { zh: () => `第一段至少要有 ${SNIFF_BYTES} 字节`, en: () => `The first chunk must carry at least ${SNIFF_BYTES} bytes` }, 'UPLOAD_CHUNK_TOO_SMALL', { offset });
      }
      try {
        const type = acceptType(chunk);
        checkSize(this.config, type.kind, staged.sizeBytes);
      } catch (e) {
        await this.discard(id);
        throw e;
      }
    }
    await fs.appendFile(this.partOf(id), chunk);
    const now = offset + chunk.length;
    if (now < staged.sizeBytes) {
      res.statusCode = 204;
      res.setHeader('upload-offset', String(now));
      return void res.end();
    }
    const bytes = await fs.readFile(this.partOf(id));
    try {
      const file = await this.asViewer(claims.sch, claims.sub, claims.ver, (ctx) => attachmentService.keep(ctx, staged.name, bytes));
      res.setHeader('upload-offset', String(now));
      send(res, 201, { file: describe(file) });
    } finally {
      await this.discard(id);
    }
  }

  /**
   * A file behind a signed link, read with the rights of the viewer it was signed for, while
   * their session lasts: the rules of the submission or item it belongs to are applied again,
   * and a staff read of a student's file is written to the access log.
   */
  private async serveFile(url: URL, res: http.ServerResponse): Promise<void> {
    const m = /^\/files\/([0-9a-f-]{36})(\.thumb)?$/.exec(url.pathname);
    const refused = () => new HttpFailure(403, {
      zh: () => '文件链接无效、已过期，或你无权查看这个文件；请刷新页面获取新链接',
      en: () => 'The file link is invalid or has expired, or you may not see this file; reload the page for a new link',
    }, 'FORBIDDEN');
    if (!m) throw notFound();
    const variant = m[2] ? 'thumb' : 'full';
    const claims = checkFileLink(m[1], variant, url.searchParams.get('p'), url.searchParams.get('s'), this.config.authTokenSecret);
    if (!claims) throw refused();
    const file = await this.asViewer(claims.schoolId, claims.userId, claims.ver, async (ctx) => {
      const f = await ctx.db.findOneBy(FileAttachment, { schoolId: claims.schoolId, id: claims.fileId });
      if (!f || !(await attachmentService.canRead(ctx, f))) throw refused();
      const studentId = await attachmentService.studentOf(ctx, f);
      if (studentId) privacyService.noteAccess(ctx, [{ studentId, resource: 'attachment', resourceId: f.id }]);
      return f;
    }, refused);
    const sha = variant === 'thumb' ? file.thumbSha256 : file.sha256;
    const bytes = sha ? await attachmentService.store(this.config).get(keyOf(claims.schoolId, sha)) : null;
    if (!bytes) throw notFound();
    res.statusCode = 200;
    res.setHeader('content-type', variant === 'thumb' ? 'image/jpeg' : file.mimeType);
    res.setHeader('content-length', String(bytes.length));
    res.setHeader('cache-control', 'private, max-age=60');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    res.end(bytes);
  }

  /** Runs `work` as the user (their session still valid), in a request transaction committed after it, with the access log written. */
  private async asViewer<T>(schoolId: string, userId: string, ver: number, work: (ctx: RequestContext) => Promise<T>, refused?: () => Error): Promise<T> {
    const scope = await RequestScope.open(this.db.dataSource, schoolId);
    try {
      const loaded = await userService.loadViewer(scope.manager, schoolId, userId);
      if (!loaded || loaded.tokenVersion !== ver) {
        throw refused?.() ?? new HttpFailure(401, { zh: () => '登录已失效，请重新登录', en: () => 'Your session has ended; sign in again' }, 'UNAUTHENTICATED');
      }
      const ctx = new RequestContext('upload', scope.manager, this.config, this.logger, loaded.viewer, createLoaders);
      const result = await work(ctx);
      await privacyService.flush(ctx);
      await scope.commit();
      await ctx.committed();
      return result;
    } catch (e) {
      await scope.rollback();
      throw e;
    }
  }

  private partOf(id: string) {
    return path.join(this.stagingDir, `${id}.part`);
  }

  private metaOf(id: string) {
    return path.join(this.stagingDir, `${id}.json`);
  }

  private async staged(id: string): Promise<Staged | null> {
    try {
      const staged = JSON.parse(await fs.readFile(this.metaOf(id), 'utf8')) as Staged;
      if (Date.now() - staged.createdAt > UPLOAD_TTL_MS) {
        await this.discard(id);
        return null;
      }
      return staged;
    } catch {
      return null;
    }
  }

  private async offsetOf(id: string): Promise<number> {
    return (await fs.stat(this.partOf(id))).size;
  }

  private async discard(id: string): Promise<void> {
    await fs.rm(this.partOf(id), { force: true });
    await fs.rm(this.metaOf(id), { force: true });
  }

  /** Removes uploads abandoned for longer than a day. */
  private async sweep(): Promise<void> {
    const names = await fs.readdir(this.stagingDir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json'))) await this.staged(name.slice(0, -'.json'.length));
  }
}

/** Answers a refusal in the request's language; anything else is thrown on. */
function refuse(res: http.ServerResponse, e: unknown, locale: Locale): void {
  if (e instanceof HttpFailure) return send(res, e.status, { errors: [{ message: e.messageIn(locale), extensions: { code: e.code, ...e.extra } }] });
  if (e instanceof RuleViolation) {
    const figures = Object.fromEntries(Object.entries(e.details).filter(([, v]) => typeof v === 'number'));
    return send(res, STATUS_OF[e.code] ?? 422, { errors: [{ message: e.messageIn(locale), extensions: { code: e.code, figures } }] });
  }
  if (e instanceof DomainError) {
    const status = e.code === 'UNAUTHENTICATED' ? 401 : e.code === 'NOT_FOUND' ? 404 : e.code === 'BAD_USER_INPUT' ? 400 : 403;
    return send(res, status, { errors: [{ message: e.messageIn(locale), extensions: { code: e.code } }] });
  }
  throw e;
}

function notFound(): HttpFailure {
  return new HttpFailure(404, { zh: () => '找不到这个上传或文件', en: () => 'No such upload or file' }, 'NOT_FOUND');
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function describe(f: FileAttachment) {
  return { id: toGlobalId('UploadedFile', f.id), name: f.name, kind: f.kind.toUpperCase(), mimeType: f.mimeType, sizeBytes: Number(f.sizeBytes), width: f.width, height: f.height };
}

/** The whole body, at most `max` bytes (413 beyond, the rest dropped); rejects if the connection is cut before its end. */
function readAll(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) over = true;
      else chunks.push(c);
    });
    req.on('end', () => (over
      ? reject(new HttpFailure(413, { zh: () => `每一段最多 ${max} 字节`, en: () => `A chunk may carry at most ${max} bytes` }, 'CHUNK_TOO_LARGE', { maxBytes: max }))
      : resolve(Buffer.concat(chunks))));
    req.on('aborted', () => reject(new Error('the connection was cut before the chunk ended')));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('the connection was cut before the chunk ended'));
    });
    // Cut before these listeners were added: its events are gone, and so is the rest of the chunk.
    if (!req.complete && (req.destroyed || req.socket?.destroyed)) reject(new Error('the connection was cut before the chunk ended'));
  });
}
