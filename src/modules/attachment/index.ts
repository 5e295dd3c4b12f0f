import { defineModule } from '../../core/module';
import { AttachmentErrors } from './attachment.errors';
import { AttachmentAnnotation, AttachmentBlob, FileAttachment } from './attachment.entity';
import { attachmentLoaders } from './attachment.loaders';
import { BankItemImagesResolver, RecordSheetFilesResolver, SubmissionVersionFilesResolver, UploadedFileResolver } from './attachment.resolver';
import { attachmentService } from './attachment.service';
import { UploadedFileNode } from './attachment.type';

/**
 * Photos, recordings and PDFs: uploaded in chunks at /uploads (upload-endpoint.ts), kept in a
 * folder or an S3-compatible store (blob-store.ts), read through signed links at /files.
 */
export default defineModule<ReturnType<typeof attachmentLoaders>>({
  name: 'attachment',
  entities: [AttachmentBlob, FileAttachment, AttachmentAnnotation],
  resolvers: [UploadedFileResolver, SubmissionVersionFilesResolver, BankItemImagesResolver, RecordSheetFilesResolver],
  loaders: attachmentLoaders,
  nodes: {
    UploadedFile: async (ctx, id) => UploadedFileNode.from(await attachmentService.get(ctx, id)),
  },
  errors: [AttachmentErrors],
});
