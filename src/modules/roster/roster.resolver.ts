import { IsBase64, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { MutationPayload } from '../../core/payload';
import { Role } from '../../core/roles';
import { payloadOf } from '../../core/user-error';
import { XLSX_MIME_TYPE } from '../excel/notice-excel.service';
import { rosterService } from './roster.service';

enum RosterActionEnum { CREATE = 'create', UPDATE = 'update', UNCHANGED = 'unchanged' }
registerEnumType(RosterActionEnum, {
  name: 'RosterAction', description: 'What an import does with a row of a roster',
  valuesConfig: { CREATE: { description: 'Creates it (a class, an account, a teaching assignment, a parent link)' }, UPDATE: { description: 'Changes it' }, UNCHANGED: { description: 'Leaves it alone: the school already has it so' } },
});

@InputType({ description: 'Import a roster workbook (花名册): sheets 班级, 教师, 任课, 学生, 家长; see README "Moving a school in"' })
class RosterImportInput {
  @Field({ description: 'The .xlsx file, base64-encoded (at most ~700 KB)' }) @IsBase64() @MaxLength(1_000_000) file!: string;
  @Field({ defaultValue: false, description: 'Only check and report; write nothing' }) dryRun!: boolean;
}

@ObjectType({ description: 'How many rows of a sheet an import creates, changes and leaves alone' })
class RosterSheetCount {
  @Field({ description: 'The sheet, as the workbook names it' }) sheet!: string;
  @Field(() => Int, { description: 'Rows that create something' }) created!: number;
  @Field(() => Int, { description: 'Rows that change something' }) updated!: number;
  @Field(() => Int, { description: 'Rows the school already has so' }) unchanged!: number;
}

@ObjectType('RosterLine', { description: 'What an import does with one row' })
class RosterLineNode {
  @Field({ description: 'The sheet' }) sheet!: string;
  @Field(() => Int, { description: 'The row as the spreadsheet numbers it' }) row!: number;
  @Field(() => RosterActionEnum, { description: 'Created, changed or left alone' }) action!: RosterActionEnum;
  @Field({ description: 'What happens, in Chinese' }) text!: string;
}

@ObjectType('RosterProblem', { description: 'A problem of a roster: nothing is imported while there is any' })
class RosterProblemNode {
  @Field(() => String, { nullable: true, description: 'The sheet; null for the whole file' }) sheet!: string | null;
  @Field(() => Int, { nullable: true, description: 'The row as the spreadsheet numbers it; null for a whole sheet or file' }) row!: number | null;
  @Field(() => String, { nullable: true, description: 'The column header, as the sheet writes it' }) column!: string | null;
  @Field({ description: 'What is wrong, in Chinese' }) message!: string;
}

@ObjectType({ description: 'Result of a roster import: every row in, or none' })
class RosterImportPayload extends MutationPayload {
  @Field({ description: 'Only checked' }) dryRun!: boolean;
  @Field(() => Int, { description: 'Data rows read, over every sheet' }) rows!: number;
  @Field(() => [RosterSheetCount], { description: 'Per sheet, rows created, changed and left alone (or that would be, on a dry run or when there are problems)' }) sheets!: RosterSheetCount[];
  @Field(() => [RosterLineNode], { description: 'Per row, what the import does' }) lines!: RosterLineNode[];
  @Field(() => [RosterProblemNode], { description: 'Every problem by sheet, row and column; nothing is written when there are any' }) problems!: RosterProblemNode[];
}

@ObjectType({ description: "The school's roster as a workbook in the import layout" })
class RosterFile {
  @Field({ description: 'Suggested file name' }) fileName!: string;
  @Field({ description: 'MIME type' }) mimeType!: string;
  @Field({ description: 'The file, base64-encoded' }) contentBase64!: string;
}

/** The academic office moves a school in from its roster workbook and exports it again. */
@Resolver()
export class RosterResolver {
  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => RosterImportPayload, { description: 'Import the roster workbook: classes, teachers, teaching, students and parents, all or nothing; a re-import of the same file changes nothing (academic office)' })
  rosterImport(@Arg('input', () => RosterImportInput) input: RosterImportInput, @Ctx() ctx: RequestContext): Promise<RosterImportPayload> {
    return payloadOf<RosterImportPayload>(async () => {
      const report = await rosterService.importRoster(ctx, Buffer.from(input.file, 'base64'), { dryRun: input.dryRun });
      return { ...report, lines: report.lines.map((l) => ({ ...l, action: l.action as RosterActionEnum })) };
    }, { dryRun: input.dryRun, rows: 0, sheets: [], lines: [], problems: [] });
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Query(() => RosterFile, { description: "The school's current roster as a workbook in the import layout; importing it back changes nothing (academic office)" })
  async rosterExport(@Ctx() ctx: RequestContext): Promise<RosterFile> {
    const file = await rosterService.exportRoster(ctx);
    return { fileName: file.fileName, mimeType: XLSX_MIME_TYPE, contentBase64: file.data.toString('base64') };
  }
}
