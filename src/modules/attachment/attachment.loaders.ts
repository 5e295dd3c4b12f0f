import { EntityManager, In } from 'typeorm';
import { Batches } from '../../core/loader';
import { AttachmentAnnotation, FileAttachment } from './attachment.entity';

export function attachmentLoaders(ds: EntityManager, schoolId: string, batches: Batches) {
  return {
    /** Files of submission versions, by `submissionId:versionNo`. */
    filesByVersion: batches.group<string, FileAttachment>(
      async (keys) => {
        const submissionIds = [...new Set(keys.map((k) => k.split(':')[0]))];
        const rows = await ds.getRepository(FileAttachment).find({ where: { schoolId, submissionId: In(submissionIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
        return rows.filter((f) => keys.includes(`${f.submissionId}:${f.versionNo}`));
      },
      (f) => `${f.submissionId}:${f.versionNo}`,
    ),
    filesByBankItem: batches.group<string, FileAttachment>(
      (ids) => ds.getRepository(FileAttachment).find({ where: { schoolId, bankItemId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      (f) => f.bankItemId!,
    ),
    annotationByFileId: batches.unique<string, AttachmentAnnotation>(
      (ids) => ds.getRepository(AttachmentAnnotation).findBy({ schoolId, attachmentId: In(ids) }),
      (a) => a.attachmentId,
    ),
  };
}
