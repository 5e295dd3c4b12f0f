import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { IsBase64, IsNotEmpty, MaxLength } from 'class-validator';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { STAFF_ROLES } from '../../core/roles';
import { LocalDate } from '../../core/scalars';
import { payloadOf, UserError } from '../../core/user-error';
import { bankExcelService } from './bank-excel.service';
import { noticeExcelService } from './notice-excel.service';

enum SheetFormatEnum { XLSX = 'xlsx', CSV = 'csv' }
registerEnumType(SheetFormatEnum, { name: 'SheetFormat', description: 'Spreadsheet file format', valuesConfig: { XLSX: { description: 'Excel workbook' }, CSV: { description: 'UTF-8 CSV' } } });

@ObjectType({ description: 'A generated spreadsheet' })
class ExcelFile {
  @Field({ description: 'Suggested file name' }) fileName!: string;
  @Field({ description: 'MIME type' }) mimeType!: string;
  @Field({ description: 'The file, base64-encoded' }) contentBase64!: string;
}

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
class BankImportPayload {
  @Field({ description: 'Only checked' }) dryRun!: boolean;
  @Field(() => Int, { description: 'Rows read' }) rows!: number;
  @Field(() => Int, { description: 'Items created (or that would be, on a dry run)' }) created!: number;
  @Field(() => Int, { description: 'Rows already in the bank, left alone' }) unchanged!: number;
  @Field(() => [ImportProblem], { description: 'Every problem by row and column; nothing is written when there are any' }) problems!: ImportProblem[];
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@Resolver()
export class ExcelResolver {
  @Authorized(...STAFF_ROLES)
  @Mutation(() => BankImportPayload, { description: "Import a bank from Excel or CSV (members of the research group); see README for the layout" })
  bankImport(@Arg('input', () => BankImportInput) input: BankImportInput, @Ctx() ctx: RequestContext): Promise<BankImportPayload> {
    return payloadOf<BankImportPayload>(() => bankExcelService.importBank(ctx, fromGlobalId(input.groupId, 'ResearchGroup', 'groupId'),
      Buffer.from(input.fileBase64, 'base64'), input.format, input.dryRun));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ExcelFile, { description: "A unit's bank as a workbook in the import layout" })
  async bankExport(@Arg('unitId', () => ID) unitId: string, @Ctx() ctx: RequestContext): Promise<ExcelFile> {
    const file = await bankExcelService.exportUnit(ctx, fromGlobalId(unitId, 'Unit', 'unitId'));
    return { fileName: file.fileName, mimeType: XLSX, contentBase64: file.data.toString('base64') };
  }

  @Authorized()
  @Query(() => ExcelFile, { description: '作业公示 of a class or of every class of a grade for a week, printable' })
  async weeklyNoticeExport(
    @Arg('weekStart', () => LocalDate) weekStart: string,
    @Arg('classId', () => ID, { nullable: true }) classId: string | null,
    @Arg('grade', () => Int, { nullable: true }) grade: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ExcelFile> {
    const file = await noticeExcelService.exportNotice(ctx, weekStart, classId ? fromGlobalId(classId, 'Class', 'classId') : null, grade);
    return { fileName: file.fileName, mimeType: XLSX, contentBase64: file.data.toString('base64') };
  }
}

