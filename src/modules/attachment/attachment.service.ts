import { createHash, randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import type { AppConfig } from '../../config';
import { RequestContext, TxContext } from '../../core/context';
import { ForbiddenError, NotFoundError, RuleViolation } from '../../core/errors';
import { checkRevision } from '../../core/revision';
import { Role } from '../../core/roles';
import { checkLinkQuery, SignedClaims, signLinkQuery } from '../../core/signed-link';
import { withTransaction } from '../../core/transaction';
import { Assignment } from '../assignment/assignment.entity';
import { groupOf, requireMember } from '../bank/bank-access';
import { bankItemService } from '../bank/bank-item.service';
import { privacyService } from '../privacy/privacy.service';
import { School, Term } from '../school/school.entity';
import { Submission } from '../submission/submission.entity';
import { submissionService } from '../submission/submission.service';
import { User } from '../user/user.entity';
import { staffReachesClass } from '../user/user.policy';
import { AttachmentErrors, AttachmentMessages } from './attachment.errors';
import { AttachmentAnnotation, AttachmentBlob, FileAttachment, PenStroke } from './attachment.entity';
import { blobStoreFor } from './blob-store';
import { DetectedType, detectType } from './file-type';
import { sanitizeAudio, sanitizeImage, Sanitized, UnreadableFileError } from './sanitize';

/** How long a signed file link is good for. */
export const FILE_LINK_TTL_SECONDS = 600;
/** Export: files are inlined (base64) up to this many bytes in all; beyond, the export gives links. */
export const EXPORT_INLINE_BYTES = 50 * 1024 * 1024;

export interface FileLinkClaims extends SignedClaims {
  fileId: string;
  variant: 'full' | 'thumb';
}

export const keyOf = (schoolId: string, sha256: string) => `${schoolId}/${sha256}`;
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The link of one file for the viewer who asked, signed like chart links (src/core/signed-link.ts). */
export function fileLink(claims: Omit<FileLinkClaims, 'exp'>, secret: string, now = Date.now()): string {
  return `/files/${claims.fileId}${claims.variant === 'thumb' ? '.thumb' : ''}?${signLinkQuery('file', claims, secret, FILE_LINK_TTL_SECONDS, now)}`;
}

export function checkFileLink(fileId: string, variant: 'full' | 'thumb', payload: string | null, signature: string | null, secret: string, now = Date.now()): FileLinkClaims | null {
  const claims = checkLinkQuery<FileLinkClaims>('file', payload, signature, secret, now);
  return claims && claims.fileId === fileId && claims.variant === variant ? claims : null;
}

/** The refusal for a type the bytes show, or the detected type. */
export function acceptType(head: Buffer): DetectedType {
  const type = detectType(head);
  if (!type) throw new RuleViolation(AttachmentErrors.FILE_TYPE_NOT_ALLOWED, ['file']);
  if (type.refused === 'heic') throw new RuleViolation(AttachmentErrors.HEIC_NOT_SUPPORTED, ['file']);
  return type;
}

export function checkSize(config: AppConfig, kind: DetectedType['kind'] | null, sizeBytes: number): void {
  const limits = config.files.maxBytes;
  const maxBytes = kind ? limits[kind] : Math.max(limits.image, limits.audio, limits.pdf);
  if (sizeBytes > maxBytes) throw new RuleViolation(AttachmentErrors.FILE_TOO_LARGE, ['file'], { kind: kind ?? 'file', sizeBytes, maxBytes });
}

/** The rows a DELETE … RETURNING gave back (the PostgreSQL driver answers `[rows, count]` for a DELETE). */
function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];
}

const tokenVersions = new WeakMap<RequestContext, Promise<number>>();

export class AttachmentService {
  store(config: AppConfig) {
    return blobStoreFor(config.files);
  }

  /** Bytes the school may keep: its own limit, or the default. */
  async quotaOf(ctx: RequestContext): Promise<number> {
    const school = await ctx.db.findOneByOrFail(School, { id: ctx.schoolId });
    return ctx.config.files.schoolQuotaBytes[school.code] ?? ctx.config.files.defaultSchoolQuotaBytes;
  }

  /** Bytes the school's stored files take now (through `ctx.db`: inside a transaction, as it sees them). */
  async usedBytes(ctx: RequestContext): Promise<number> {
    const [{ used }] = await ctx.db.query(`SELECT coalesce(sum(size_bytes), 0)::bigint AS used FROM attachment_blobs WHERE school_id = $1`, [ctx.schoolId]);
    return Number(used);
  }

  /** Refuses an upload that cannot fit in the school's space: early, before a transaction, and again within one. */
  async checkSpace(ctx: RequestContext, sizeBytes: number): Promise<void> {
    const [usedBytes, quotaBytes] = [await this.usedBytes(ctx), await this.quotaOf(ctx)];
    if (usedBytes + sizeBytes > quotaBytes) throw new RuleViolation(AttachmentErrors.SCHOOL_STORAGE_FULL, ['file'], { usedBytes, sizeBytes, quotaBytes });
  }

  /**
   * Keeps a whole upload: its type read from its bytes, its size checked for that type, a photo
   * re-encoded without metadata (and a thumbnail made), a recording's tags dropped; the bytes
   * put in the store under their content address (once, however often uploaded), then the rows
   * written. Bytes this call put in the store are removed again if the rows are not written.
   */
  async keep(ctx: RequestContext, name: string, input: Buffer): Promise<FileAttachment> {
    if (ctx.hasRole(Role.STUDENT)) await privacyService.requireConsent(ctx, ctx.viewer.userId);
    const type = acceptType(input);
    checkSize(ctx.config, type.kind, input.length);
    let kept: Sanitized;
    try {
      kept = type.kind === 'image' ? await sanitizeImage(input, type) : type.kind === 'audio' ? sanitizeAudio(input, type) : { bytes: input, mimeType: type.mimeType };
    } catch (e) {
      if (e instanceof UnreadableFileError) throw new RuleViolation(AttachmentErrors.FILE_UNREADABLE, ['file']);
      throw e;
    }
    const parts = [{ bytes: kept.bytes, mimeType: kept.mimeType, sha256: sha256Of(kept.bytes) }];
    if (kept.thumbnail) parts.push({ bytes: kept.thumbnail, mimeType: 'image/jpeg', sha256: sha256Of(kept.thumbnail) });
    const store = this.store(ctx.config);
    const schoolId = ctx.schoolId;
    const putHere: string[] = [];
    try {
      return await withTransaction(ctx, async (txCtx) => {
        // One upload at a time per school past this point, so two cannot both squeeze into the last space.
        await txCtx.db.query(`SELECT 1 FROM schools WHERE school_id = $1 FOR UPDATE`, [schoolId]);
        const known = new Set((await txCtx.db.findBy(AttachmentBlob, { schoolId, sha256: In(parts.map((p) => p.sha256)) })).map((b) => b.sha256));
        const fresh = parts.filter((p, i) => !known.has(p.sha256) && parts.findIndex((q) => q.sha256 === p.sha256) === i);
        const sizeBytes = fresh.reduce((n, p) => n + p.bytes.length, 0);
        if (sizeBytes > 0) await this.checkSpace(txCtx, sizeBytes);
        for (const p of fresh) {
          const key = keyOf(schoolId, p.sha256);
          if (!(await store.has(key))) {
            await store.put(key, p.bytes, p.mimeType);
            putHere.push(key);
          }
          await txCtx.db.query(`INSERT INTO attachment_blobs (school_id, sha256, size_bytes, mime_type) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [schoolId, p.sha256, p.bytes.length, p.mimeType]);
        }
        const id = randomUUID();
        await txCtx.db.insert(FileAttachment, {
          schoolId, id, ownerId: txCtx.viewer.userId, kind: type.kind, mimeType: kept.mimeType, name: name.slice(0, 200) || 'file',
          sizeBytes: String(kept.bytes.length), sha256: parts[0].sha256, thumbSha256: parts[1]?.sha256 ?? null,
          width: kept.width ?? null, height: kept.height ?? null,
        });
        return txCtx.db.findOneByOrFail(FileAttachment, { schoolId, id });
      });
    } catch (e) {
      for (const key of putHere) await store.delete(key).catch(() => undefined);
      throw e;
    }
  }

  /**
   * Hands in uploads with a version of a submission, inside the caller's transaction: the
   * caller's own unused uploads, at most N photos, or one recording or one PDF.
   */
  async attachToVersion(ctx: TxContext, fileIds: string[], submissionId: string, versionNo: number): Promise<void> {
    if (!fileIds.length) return;
    const files = await this.ownUnused(ctx, fileIds);
    const images = files.filter((f) => f.kind === 'image').length;
    if (images === files.length) {
      if (images > ctx.config.files.maxPhotosPerWork) {
        throw new RuleViolation(AttachmentErrors.TOO_MANY_FILES, ['fileIds'], { kind: 'image', count: images, max: ctx.config.files.maxPhotosPerWork });
      }
    } else if (files.length > 1) {
      throw new RuleViolation(AttachmentErrors.TOO_MANY_FILES, ['fileIds'], { kind: 'recording', count: files.length, max: 1 });
    }
    await ctx.db.update(FileAttachment, { schoolId: ctx.schoolId, id: In(files.map((f) => f.id)) }, { submissionId, versionNo });
  }

  /** The uploads named, locked until the caller's transaction ends; all the caller's own and unused (or already the item's), or FILE_NOT_USABLE. */
  private async ownUnused(ctx: TxContext, fileIds: string[], allowItem?: string): Promise<FileAttachment[]> {
    const unique = [...new Set(fileIds)];
    const files = await ctx.db.find(FileAttachment, { where: { schoolId: ctx.schoolId, id: In(unique) }, lock: { mode: 'pessimistic_write' } });
    const usable = (f: FileAttachment) => (f.ownerId === ctx.viewer.userId && !f.submissionId && !f.bankItemId) || (!!allowItem && f.bankItemId === allowItem);
    if (files.length !== unique.length || !files.every(usable)) throw new RuleViolation(AttachmentErrors.FILE_NOT_USABLE, ['fileIds']);
    return unique.map((id) => files.find((f) => f.id === id)!);
  }

  /** Whether the viewer may see the file: the rules of the submission or bank item it belongs to; an unused upload, its uploader. */
  async canRead(ctx: RequestContext, f: FileAttachment): Promise<boolean> {
    if (f.submissionId) {
      const s = await ctx.loaders.submissionById.load(f.submissionId);
      return !!s && (await submissionService.canSee(ctx, s));
    }
    if (f.bankItemId) {
      try {
        await bankItemService.get(ctx, f.bankItemId);
        return true;
      } catch (e) {
        if (e instanceof NotFoundError || e instanceof ForbiddenError) return false;
        throw e;
      }
    }
    return f.ownerId === ctx.viewer.userId;
  }

  /** The student whose personal data the file is, if any (staff reads of it are logged). */
  async studentOf(ctx: RequestContext, f: FileAttachment): Promise<string | null> {
    if (f.submissionId) return (await ctx.loaders.submissionById.load(f.submissionId))?.studentId ?? null;
    return null;
  }

  /** A file the viewer may see; staff reads of a student's file are noted for the access log. */
  async get(ctx: RequestContext, id: string): Promise<FileAttachment> {
    const f = await ctx.db.findOneBy(FileAttachment, { schoolId: ctx.schoolId, id });
    if (!f || !(await this.canRead(ctx, f))) throw new NotFoundError('UploadedFile', id);
    const studentId = await this.studentOf(ctx, f);
    if (studentId) privacyService.noteAccess(ctx, [{ studentId, resource: 'attachment', resourceId: f.id }]);
    return f;
  }

  async link(ctx: RequestContext, f: FileAttachment, variant: 'full' | 'thumb', now = Date.now()): Promise<string> {
    let ver = tokenVersions.get(ctx);
    if (!ver) {
      ver = ctx.db.getRepository(User).findOneOrFail({ select: { id: true, tokenVersion: true }, where: { schoolId: ctx.schoolId, id: ctx.viewer.userId } }).then((u) => u.tokenVersion);
      tokenVersions.set(ctx, ver);
    }
    return fileLink({ schoolId: ctx.schoolId, userId: ctx.viewer.userId, ver: await ver, fileId: f.id, variant }, ctx.config.authTokenSecret, now);
  }

  async annotation(ctx: RequestContext, f: FileAttachment): Promise<AttachmentAnnotation | null> {
    return ctx.loaders.annotationByFileId.load(f.id);
  }

  /**
   * A teacher who marks the work draws on a photo of it: the strokes are kept as a layer over
   * the photo (replacing the layer as a whole), the photo is never changed.
   */
  async annotate(ctx: RequestContext, fileId: string, expectedRevision: number, strokes: PenStroke[]): Promise<FileAttachment> {
    if (!ctx.hasRole(Role.TEACHER, Role.HEAD_TEACHER)) throw new ForbiddenError(AttachmentMessages.TEACHERS_MARK);
    const f = await withTransaction(ctx, async (txCtx) => {
      const { schoolId, viewer } = txCtx;
      const f = await txCtx.db.findOneBy(FileAttachment, { schoolId, id: fileId });
      const s = f?.submissionId ? await txCtx.db.findOneBy(Submission, { schoolId, id: f.submissionId }) : null;
      const a = s ? await txCtx.db.findOneBy(Assignment, { schoolId, id: s.assignmentId }) : null;
      if (!f || !s || !a || !staffReachesClass(viewer, a.classId) || s.studentId === viewer.userId) throw new NotFoundError('UploadedFile', fileId);
      if (f.kind !== 'image') throw new RuleViolation(AttachmentErrors.NOT_AN_IMAGE, ['fileId']);
      const current = await txCtx.db.findOne(AttachmentAnnotation, { where: { schoolId, attachmentId: f.id }, lock: { mode: 'pessimistic_write' } });
      checkRevision('The pen layer', current?.revision ?? 0, expectedRevision);
      const row = { schoolId, attachmentId: f.id, strokes, authorId: viewer.userId, revision: (current?.revision ?? 0) + 1, updatedAt: new Date() };
      if (current) await txCtx.db.update(AttachmentAnnotation, { schoolId, attachmentId: f.id }, row);
      else await txCtx.db.insert(AttachmentAnnotation, row);
      return f;
    });
    privacyService.noteAccess(ctx, [{ studentId: (await this.studentOf(ctx, f))!, resource: 'attachment', resourceId: f.id }]);
    return f;
  }

  async filesOfVersion(ctx: RequestContext, submissionId: string, versionNo: number): Promise<FileAttachment[]> {
    return ctx.loaders.filesByVersion.load(`${submissionId}:${versionNo}`);
  }

  async imagesOfItem(ctx: RequestContext, itemId: string): Promise<FileAttachment[]> {
    return ctx.loaders.filesByBankItem.load(itemId);
  }

  /** The photos and recordings handed in by a student with the homework due on a day (the record sheet links them; homework over several days: on its due day). */
  async filesOfDay(ctx: RequestContext, studentId: string, day: string): Promise<FileAttachment[]> {
    const files: FileAttachment[] = await ctx.db.createQueryBuilder(FileAttachment, 'f')
      .innerJoin(Submission, 's', 's.school_id = f.school_id AND s.id = f.submission_id')
      .innerJoin(Assignment, 'a', 'a.school_id = s.school_id AND a.id = s.assignment_id')
      .where('f.school_id = :school AND s.student_id = :student AND a.due_day = :day', { school: ctx.schoolId, student: studentId, day })
      .orderBy('f.created_at').addOrderBy('f.id').getMany();
    const visible: FileAttachment[] = [];
    for (const f of files) if (await this.canRead(ctx, f)) visible.push(f);
    return visible;
  }

  /** A bank item's images, set as a whole by a member of its research group: images only, up to the limit. */
  async setItemImages(ctx: RequestContext, itemId: string, fileIds: string[]): Promise<FileAttachment[]> {
    const item = await bankItemService.get(ctx, itemId);
    requireMember(ctx, await groupOf(ctx, item.subjectId, item.grade), 'edit this item');
    const removed = await withTransaction(ctx, async (txCtx) => {
      const files = await this.ownUnused(txCtx, fileIds, itemId);
      if (files.some((f) => f.kind !== 'image')) throw new RuleViolation(AttachmentErrors.NOT_AN_IMAGE, ['fileIds']);
      if (files.length > txCtx.config.files.maxImagesPerItem) {
        throw new RuleViolation(AttachmentErrors.TOO_MANY_FILES, ['fileIds'], { kind: 'image', count: files.length, max: txCtx.config.files.maxImagesPerItem });
      }
      const before = await txCtx.db.findBy(FileAttachment, { schoolId: txCtx.schoolId, bankItemId: itemId });
      const dropped = before.filter((f) => !fileIds.includes(f.id)).map((f) => f.id);
      if (files.length) await txCtx.db.update(FileAttachment, { schoolId: txCtx.schoolId, id: In(files.map((f) => f.id)) }, { bankItemId: itemId });
      return dropped.length ? this.deleteRows(txCtx, dropped) : [];
    });
    this.removeBytesAfterCommit(ctx, removed);
    return (await ctx.db.findBy(FileAttachment, { schoolId: ctx.schoolId, bankItemId: itemId })).sort((a, b) => fileIds.indexOf(a.id) - fileIds.indexOf(b.id));
  }

  /**
   * Deletes attachment rows and the blobs no attachment uses any more, inside the caller's
   * transaction; returns the store keys whose bytes are to go once this is committed.
   */
  async deleteRows(ctx: TxContext, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const { schoolId } = ctx;
    const rows: { sha256: string; thumb_sha256: string | null }[] = returned(await ctx.db.query(
      `DELETE FROM attachments WHERE school_id = $1 AND id = ANY($2::uuid[]) RETURNING sha256, thumb_sha256`, [schoolId, ids]));
    const shas = [...new Set(rows.flatMap((r) => [r.sha256, r.thumb_sha256]).filter((s): s is string => !!s))];
    if (!shas.length) return [];
    const gone: { sha256: string }[] = returned(await ctx.db.query(
      `DELETE FROM attachment_blobs b WHERE b.school_id = $1 AND b.sha256 = ANY($2::text[])
          AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.school_id = b.school_id AND (a.sha256 = b.sha256 OR a.thumb_sha256 = b.sha256))
        RETURNING b.sha256`, [schoolId, shas]));
    return gone.map((g) => keyOf(schoolId, g.sha256));
  }

  /** Deletes every file a user uploaded (a student's data deletion) inside the caller's transaction; the keys whose bytes are to go. */
  async deleteOwnedBy(ctx: TxContext, userId: string): Promise<string[]> {
    const ids: { id: string }[] = await ctx.db.query(`SELECT id FROM attachments WHERE school_id = $1 AND owner_id = $2`, [ctx.schoolId, userId]);
    return this.deleteRows(ctx, ids.map((r) => r.id));
  }

  /** Removes bytes from the store once the request's deletion is committed (never when it is rolled back). */
  removeBytesAfterCommit(ctx: RequestContext, keys: string[]): void {
    if (!keys.length) return;
    const store = this.store(ctx.config);
    ctx.afterCommit(async () => {
      for (const key of keys) await store.delete(key);
    });
  }

  /** A student's files for their guardian's export: what is known of each, and its bytes (base64) while the export stays reasonable. */
  async exportFiles(ctx: RequestContext, studentId: string): Promise<Record<string, unknown>[]> {
    const files = await ctx.db.find(FileAttachment, { where: { schoolId: ctx.schoolId, ownerId: studentId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const store = this.store(ctx.config);
    let inlined = 0;
    const out: Record<string, unknown>[] = [];
    for (const f of files) {
      const entry: Record<string, unknown> = {
        id: f.id, name: f.name, kind: f.kind, mimeType: f.mimeType, sizeBytes: Number(f.sizeBytes), sha256: f.sha256,
        submissionId: f.submissionId, versionNo: f.versionNo, createdAt: f.createdAt,
      };
      if (inlined + Number(f.sizeBytes) <= EXPORT_INLINE_BYTES) {
        const bytes = await store.get(keyOf(ctx.schoolId, f.sha256));
        if (bytes) {
          entry.contentBase64 = bytes.toString('base64');
          inlined += bytes.length;
        }
      } else {
        entry.url = await this.link(ctx, f, 'full');
      }
      out.push(entry);
    }
    return out;
  }

  /** The school's space: added during a term, in use now, and its limit (academic office). */
  async usage(ctx: RequestContext, termId: string | null) {
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError(AttachmentMessages.OFFICE_READS_USAGE);
    const terms = await ctx.db.find(Term, { where: { schoolId: ctx.schoolId }, order: { startsOn: 'DESC' } });
    const today = new Date().toISOString().slice(0, 10);
    const term = termId ? terms.find((t) => t.id === termId) : terms.find((t) => t.startsOn <= today && today <= t.endsOn) ?? terms[0];
    if (!term) throw new NotFoundError('Term', termId ?? 'current');
    const [added] = await ctx.db.query(
      `SELECT count(*)::int AS blobs, coalesce(sum(size_bytes), 0)::bigint AS bytes FROM attachment_blobs
        WHERE school_id = $1 AND created_at >= $2::date AND created_at < ($3::date + 1)`, [ctx.schoolId, term.startsOn, term.endsOn]);
    const [files] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM attachments WHERE school_id = $1 AND created_at >= $2::date AND created_at < ($3::date + 1)`, [ctx.schoolId, term.startsOn, term.endsOn]);
    return {
      term, addedBytes: Number(added.bytes), addedFiles: files.n as number, storedObjectsAdded: added.blobs as number,
      usedBytes: await this.usedBytes(ctx), quotaBytes: await this.quotaOf(ctx),
    };
  }

  checkLink = checkFileLink;
}

export const attachmentService = new AttachmentService();
