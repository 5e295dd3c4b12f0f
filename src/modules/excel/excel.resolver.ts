import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { IsBase64, IsNotEmpty, MaxLength } from 'class-validator';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { STAFF_ROLES } from '../../core/roles';
import { LocalDate } from '../../core/scalars';
import { MutationPayload } from '../../core/payload';
import { payloadOf } from '../../core/user-error';
import { recordSheetPrintService } from '../print/record-sheet-print.service';
import { bankExcelService } from './bank-excel.service';
import { ExportedFile, noticeExcelService, XLSX_MIME_TYPE } from './notice-excel.service';

enum SheetFormatEnum { XLSX = 'xlsx', CSV = 'csv' }
registerEnumType(SheetFormatEnum, { name: 'SheetFormat', description: 'Spreadsheet file format', valuesConfig: { XLSX: { description: 'Excel workbook' }, CSV: { description: 'UTF-8 CSV' } } });

enum NoticeFormatEnum { XLSX = 'xlsx', PDF = 'pdf' }
registerEnumType(NoticeFormatEnum, {
  name: 'NoticeFormat', description: 'File format of the printable weekly notice',
  valuesConfig: { XLSX: { description: 'Excel workbook, one sheet per class, set up for A4' }, PDF: { description: 'PDF, one A4 landscape page per class' } },
});

@ObjectType({ description: 'A generated file: a workbook, or a PDF to print' })
class ExcelFile {
  @Field({ description: 'Suggested file name' }) fileName!: string;
  @Field({ description: 'MIME type' }) mimeType!: string;
  @Field({ description: 'The file, base64-encoded' }) contentBase64!: string;
}

@ObjectType({ description: "Printed 作业记录单: a PDF of students' record sheets for a week, one A4 page per student (a child's personal data)" })
class RecordSheetPdf {
  @Field({ description: 'Suggested file name' }) fileName!: string;
  @Field({ description: 'MIME type: application/pdf' }) mimeType!: string;
  @Field({ description: 'The PDF, base64-encoded' }) contentBase64!: string;
}

/** A generated file as the schema sends it: name, type and base64 bytes. */
const fileFields = (file: ExportedFile): ExcelFile & RecordSheetPdf => ({ fileName: file.fileName, mimeType: file.mimeType, contentBase64: file.data.toString('base64') });

@ObjectType({ description: 'One problem in an imported file' })
class ImportProblem {
  @Field(() => Int, { description: 'Row as the spreadsheet numbers it (the header is row 1)' }) row!: number;
  @Field({ description: 'Column header' }) column!: string;
  @Field({ description: 'What is wrong' }) message!: string;
}

@InputType({ description: 'Import items into a research group\'s bank' })
class BankImportInput {
  @Field(() => ID, { description: 'The research group' }) @IsNotEmpty() groupId!: string;
  @Field(() => SheetFormatEnum, { description: 'XLSX or CSV' }) format!: SheetFormatEnum;
  @Field({ description: 'The file, base64-encoded (at most ~700 KB)' }) @IsBase64() @MaxLength(1_000_000) fileBase64!: string;
  @Field({ defaultValue: false, description: 'Only check and report; write nothing' }) dryRun!: boolean;
}

@ObjectType({ description: 'Result of an import: all rows in, or none' })
class BankImportPayload extends MutationPayload {
  @Field({ description: 'Only checked' }) dryRun!: boolean;
  @Field(() => Int, { description: 'Rows read' }) rows!: number;
  @Field(() => Int, { description: 'Items created (or that would be, on a dry run)' }) created!: number;
  @Field(() => Int, { description: 'Rows already in the bank, left alone' }) unchanged!: number;
  @Field(() => [ImportProblem], { description: 'Every problem by row and column; nothing is written when there are any' }) problems!: ImportProblem[];
}

@Resolver()
export class ExcelResolver {
  @Authorized(...STAFF_ROLES)
  @Mutation(() => BankImportPayload, { description: "Import a bank from Excel or CSV (members of the research group); see README for the layout" })
  bankImport(@Arg('input', () => BankImportInput) input: BankImportInput, @Ctx() ctx: RequestContext): Promise<BankImportPayload> {
    return payloadOf<BankImportPayload>(() => bankExcelService.importBank(ctx, fromGlobalId(input.groupId, 'ResearchGroup', 'groupId'),
      Buffer.from(input.fileBase64, 'base64'), input.format, input.dryRun),
    // A refusal imports nothing: the counts are zero (the fields are non-null).
    { dryRun: input.dryRun, rows: 0, created: 0, unchanged: 0, problems: [] });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ExcelFile, { description: "A unit's bank as a workbook in the import layout" })
  async bankExport(@Arg('unitId', () => ID) unitId: string, @Ctx() ctx: RequestContext): Promise<ExcelFile> {
    const file = await bankExcelService.exportUnit(ctx, fromGlobalId(unitId, 'Unit', 'unitId'));
    return fileFields({ ...file, mimeType: XLSX_MIME_TYPE });
  }

  @Authorized()
  @Query(() => ExcelFile, { description: '作业公示 of a class or of every class of a grade for a week, to print and post: A4, ruled, titled, with a footer naming the class, its head teacher and the day' })
  async weeklyNoticeExport(
    @Arg('weekStart', () => LocalDate) weekStart: string,
    @Arg('classId', () => ID, { nullable: true }) classId: string | null,
    @Arg('grade', () => Int, { nullable: true }) grade: number | null,
    @Arg('format', () => NoticeFormatEnum, { defaultValue: NoticeFormatEnum.XLSX, description: 'XLSX (default) or PDF' }) format: NoticeFormatEnum,
    @Ctx() ctx: RequestContext,
  ): Promise<ExcelFile> {
    return fileFields(await noticeExcelService.exportNotice(ctx, weekStart, classId ? fromGlobalId(classId, 'Class', 'classId') : null, grade, format));
  }

  @Authorized()
  @Query(() => RecordSheetPdf, {
    description: "作业记录单 of a week printed, one A4 page per student (Monday–Sunday): a class's (its head teacher, the academic office) or one student's (also the student's parents). Staff prints are in the access log",
  })
  async recordSheetPrint(
    @Arg('weekStart', () => LocalDate, { description: 'The Monday of the week' }) weekStart: string,
    @Arg('classId', () => ID, { nullable: true, description: 'Every student of this class; or name studentId' }) classId: string | null,
    @Arg('studentId', () => ID, { nullable: true, description: 'This student only; or name classId' }) studentId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordSheetPdf> {
    return fileFields(await recordSheetPrintService.print(ctx, weekStart, {
      classId: classId ? fromGlobalId(classId, 'Class', 'classId') : null,
      studentId: studentId ? fromGlobalId(studentId, 'User', 'studentId') : null,
    }));
  }
}

