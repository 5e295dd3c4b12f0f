import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId, parseGlobalId } from '../../core/ids';
import { MutationPayload, Payload } from '../../core/payload';
import { payloadOf } from '../../core/user-error';
import { Role } from '../../core/roles';
import { BankItemNode } from '../bank/bank.type';
import { RecordSheetNode } from '../record-sheet/record-sheet.type';
import { SubmissionVersionNode } from '../submission/submission.type';
import { attachmentService } from './attachment.service';
import { BankItemImagesInput, FileAnnotateInput, PenLayerNode, StorageUsageNode, UploadedFileNode } from './attachment.type';

const FilePayload = Payload('file', () => UploadedFileNode, {
  name: 'UploadedFilePayload', description: 'Result of a change to a file', fieldDescription: 'The file after the change',
});
type FilePayload = InstanceType<typeof FilePayload>;

@ObjectType('BankItemImagesPayload', { description: "Result of setting a bank item's pictures" })
class ImagesPayload extends MutationPayload {
  @Field(() => [UploadedFileNode], { nullable: true, description: "The item's pictures, in order" }) images!: UploadedFileNode[] | null;
}

@Resolver(() => UploadedFileNode)
export class UploadedFileResolver {
  @FieldResolver(() => String, { description: 'A link to the bytes, for you, good for 10 minutes (an <img> or <audio> src)' })
  url(@Root() f: UploadedFileNode, @Ctx() ctx: RequestContext): Promise<string> {
    return attachmentService.link(ctx, f.entity, 'full');
  }

  @FieldResolver(() => String, { nullable: true, description: 'A link to a small JPEG preview of a photo, good for 10 minutes' })
  async thumbnailUrl(@Root() f: UploadedFileNode, @Ctx() ctx: RequestContext): Promise<string | null> {
    return f.entity.thumbSha256 ? attachmentService.link(ctx, f.entity, 'thumb') : null;
  }

  @FieldResolver(() => PenLayerNode, { nullable: true, description: "The teacher's pen marks over a photo, if any" })
  async penLayer(@Root() f: UploadedFileNode, @Ctx() ctx: RequestContext): Promise<PenLayerNode | null> {
    const a = await attachmentService.annotation(ctx, f.entity);
    return a ? PenLayerNode.from(a) : null;
  }

  @Authorized(Role.TEACHER, Role.HEAD_TEACHER)
  @Mutation(() => FilePayload, { description: 'Mark on a photo of handed-in work with pen strokes (a teacher of the class); the photo is never changed' })
  fileAnnotate(@Arg('input', () => FileAnnotateInput) input: FileAnnotateInput, @Ctx() ctx: RequestContext): Promise<FilePayload> {
    return FilePayload.of(async () => UploadedFileNode.from(await attachmentService.annotate(
      ctx, fromGlobalId(input.fileId, 'UploadedFile', 'fileId'), input.expectedRevision ?? 0,
      input.strokes.map((s) => ({ color: s.color, width: s.width, points: s.points })))));
  }

  @Authorized(Role.TEACHER, Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE)
  @Mutation(() => ImagesPayload, { description: "Set a bank item's pictures (members of its research group)" })
  bankItemImagesSet(@Arg('input', () => BankItemImagesInput) input: BankItemImagesInput, @Ctx() ctx: RequestContext): Promise<ImagesPayload> {
    return payloadOf<ImagesPayload>(async () => ({
      images: (await attachmentService.setItemImages(
        ctx, fromGlobalId(input.itemId, 'BankItem', 'itemId'), input.fileIds.map((id) => fromGlobalId(id, 'UploadedFile', 'fileIds')))).map(UploadedFileNode.from),
    }));
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Query(() => StorageUsageNode, { description: "The school's file storage in a term (the current one unless named): added, kept, limit" })
  async storageUsage(@Arg('termId', () => ID, { nullable: true }) termId: string | null, @Ctx() ctx: RequestContext): Promise<StorageUsageNode> {
    const u = await attachmentService.usage(ctx, termId ? fromGlobalId(termId, 'Term', 'termId') : null);
    return Object.assign(new StorageUsageNode(), {
      termName: u.term.name, academicYear: u.term.academicYear, addedBytes: u.addedBytes, addedFiles: u.addedFiles, usedBytes: u.usedBytes, quotaBytes: u.quotaBytes,
    });
  }
}

@Resolver(() => SubmissionVersionNode)
export class SubmissionVersionFilesResolver {
  @FieldResolver(() => [UploadedFileNode], { description: 'Photos, the recording or the PDF handed in with this version' })
  async files(@Root() v: SubmissionVersionNode, @Ctx() ctx: RequestContext): Promise<UploadedFileNode[]> {
    return (await attachmentService.filesOfVersion(ctx, v.submissionId, v.versionNo)).map(UploadedFileNode.from);
  }
}

@Resolver(() => BankItemNode)
export class BankItemImagesResolver {
  @FieldResolver(() => [UploadedFileNode], { description: 'Pictures of the item (figures, illustrations)' })
  async images(@Root() item: BankItemNode, @Ctx() ctx: RequestContext): Promise<UploadedFileNode[]> {
    return (await attachmentService.imagesOfItem(ctx, parseGlobalId(item.id)!.id)).map(UploadedFileNode.from);
  }
}

@Resolver(() => RecordSheetNode)
export class RecordSheetFilesResolver {
  @FieldResolver(() => [UploadedFileNode], { description: "Photos and recordings handed in with the day's homework" })
  async files(@Root() sheet: RecordSheetNode, @Ctx() ctx: RequestContext): Promise<UploadedFileNode[]> {
    return (await attachmentService.filesOfDay(ctx, parseGlobalId(sheet.student.id)!.id, sheet.date)).map(UploadedFileNode.from);
  }
}
