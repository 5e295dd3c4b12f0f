import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { InvalidInputError } from '../../core/errors';
import { fromGlobalId } from '../../core/ids';
import { Role, STAFF_ROLES } from '../../core/roles';
import { LocalDate, Time } from '../../core/scalars';
import { Payload } from '../../core/payload';
import { AssignmentNode } from '../assignment/assignment.type';
import { BankItemNode } from '../bank/bank.type';
import { schoolService } from '../school/school.service';
import { userService } from '../user/user.service';
import { UserNode } from '../user/user.type';
import { reportService } from './report.service';
import { recordSheetService, SheetView } from './record-sheet.service';
import {
  DayLoadNode, GroupCalibrationNode, ItemCalibrationNode, RecordSheetFillInput, RecordSheetNode, WeekTiersNode,
} from './record-sheet.type';
import { RecordSheetMessages } from './record-sheet.errors';

const RecordSheetPayload = Payload('sheet', () => RecordSheetNode, {
  name: 'RecordSheetPayload', description: 'Result of a change to a record sheet', fieldDescription: 'The sheet after the change',
});
type RecordSheetPayload = InstanceType<typeof RecordSheetPayload>;

export function sheetNode(v: SheetView): RecordSheetNode {
  return {
    date: v.day, student: UserNode.from(v.student), capMinutes: v.capMinutes, actualWrittenMinutes: v.actualWrittenMinutes,
    bedtimeTarget: v.bedtimeTarget, flags: v.flags, locked: v.locked, filled: !!v.sheet?.filledAt,
    selfStudyContent: v.sheet?.selfStudyContent ?? null, selfStudyMinutes: v.sheet?.selfStudyMinutes ?? null,
    exerciseMinutes: v.sheet?.exerciseMinutes ?? null, readingMinutes: v.sheet?.readingMinutes ?? null, bedtime: v.sheet?.bedtime ?? null,
    parentMessage: v.sheet?.parentMessage ?? null, reply: v.sheet?.reply ?? null, revision: v.sheet?.revision ?? 0,
    lines: v.lines.map((l) => ({ ...l, assignment: AssignmentNode.from(l.plan.assignment) })),
  };
}

const sheetPayload = (work: () => Promise<SheetView>) => RecordSheetPayload.of(async () => sheetNode(await work()));

@Resolver()
export class RecordSheetResolver {
  @Authorized()
  @Query(() => RecordSheetNode, { description: 'A record sheet: the student, their parents and staff of the class' })
  async recordSheet(
    @Arg('date', () => LocalDate) date: string,
    @Arg('studentId', () => ID, { nullable: true, description: 'Defaults to yourself' }) studentId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordSheetNode> {
    return sheetNode(await recordSheetService.view(ctx, studentId ? fromGlobalId(studentId, 'User', 'studentId') : ctx.viewer.userId, date));
  }

  @Authorized(Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE)
  @Query(() => [RecordSheetNode], { description: "The head teacher's day: every sheet of the class; filter by filled, flags and parentMessage/reply" })
  async classRecordSheets(@Arg('classId', () => ID) classId: string, @Arg('date', () => LocalDate) date: string, @Ctx() ctx: RequestContext): Promise<RecordSheetNode[]> {
    return (await recordSheetService.headTeacherDay(ctx, fromGlobalId(classId, 'Class', 'classId'), date)).map(sheetNode);
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => RecordSheetPayload, { description: 'Fill in your record sheet (until your head teacher has read it)' })
  recordSheetFill(@Arg('input', () => RecordSheetFillInput) input: RecordSheetFillInput, @Ctx() ctx: RequestContext): Promise<RecordSheetPayload> {
    return sheetPayload(() => recordSheetService.fill(ctx, {
      ...input, day: input.date,
      entries: input.entries.map((e, i) => ({ ...e, assignmentId: fromGlobalId(e.assignmentId, 'Assignment', `entries[${i}].assignmentId`) })),
    }));
  }

  @Authorized(Role.PARENT)
  @Mutation(() => RecordSheetPayload, { description: "Leave a message on your child's record sheet" })
  recordSheetParentMessage(
    @Arg('studentId', () => ID) studentId: string, @Arg('date', () => LocalDate) date: string,
    @Arg('message', () => String, { description: '1–1000 characters' }) message: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordSheetPayload> {
    return sheetPayload(async () => {
      return recordSheetService.parentMessage(ctx, fromGlobalId(studentId, 'User', 'studentId'), date, checkMessage(message, 'message'));
    });
  }

  @Authorized(Role.PARENT)
  @Mutation(() => RecordSheetPayload, { description: "Record your child's bedtime on their record sheet (until the head teacher has read it)" })
  recordSheetParentBedtime(
    @Arg('studentId', () => ID) studentId: string, @Arg('date', () => LocalDate) date: string,
    @Arg('bedtime', () => Time, { description: 'When the child went to bed' }) bedtime: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordSheetPayload> {
    return sheetPayload(() => recordSheetService.parentBedtime(ctx, fromGlobalId(studentId, 'User', 'studentId'), date, bedtime));
  }

  @Authorized(Role.HEAD_TEACHER)
  @Mutation(() => RecordSheetPayload, { description: 'Read a sheet (locking the student\'s entries) and reply; or reopen it for a correction' })
  recordSheetRead(
    @Arg('studentId', () => ID) studentId: string, @Arg('date', () => LocalDate) date: string,
    @Arg('reply', () => String, { nullable: true }) reply: string | null,
    @Arg('reopen', { defaultValue: false, description: 'Unlock instead of reading' }) reopen: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordSheetPayload> {
    return sheetPayload(() => recordSheetService.read(ctx, fromGlobalId(studentId, 'User', 'studentId'), date, reply && checkMessage(reply, 'reply'), reopen));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [DayLoadNode], { description: 'Class load: per day and subject predicted vs actual, students over the cap, sleep compliance' })
  async classLoadReport(@Arg('classId', () => ID) classId: string, @Arg('from', () => LocalDate) from: string, @Arg('to', () => LocalDate) to: string, @Ctx() ctx: RequestContext): Promise<DayLoadNode[]> {
    const days = await reportService.classLoad(ctx, fromGlobalId(classId, 'Class', 'classId'), from, to);
    const subjects = await schoolService.subjects(ctx);
    return days.map((d) => ({ ...d, subjects: d.subjects.map((s) => ({ ...s, subject: subjects.find((x) => x.id === s.subjectId)?.name ?? '' })) }));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [WeekTiersNode], { description: "Tier trend: how a class's choices moved between tiers week by week (counts only)" })
  tierTrend(
    @Arg('classId', () => ID) classId: string, @Arg('subjectId', () => ID) subjectId: string,
    @Arg('from', () => LocalDate) from: string, @Arg('to', () => LocalDate) to: string, @Ctx() ctx: RequestContext,
  ): Promise<WeekTiersNode[]> {
    return reportService.tierTrend(ctx, fromGlobalId(classId, 'Class', 'classId'), fromGlobalId(subjectId, 'Subject', 'subjectId'), from, to);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => GroupCalibrationNode, { description: "Calibration of a research group's items and the estimation bias of the group and its teachers" })
  async researchGroupCalibration(@Arg('groupId', () => ID) groupId: string, @Ctx() ctx: RequestContext): Promise<GroupCalibrationNode> {
    const r = await reportService.groupCalibration(ctx, fromGlobalId(groupId, 'ResearchGroup', 'groupId'));
    const line = (l: (typeof r.lines)[number]): ItemCalibrationNode => ({
      item: BankItemNode.from(l.item), versionNo: l.version.versionNo, predictedMinutes: l.version.predictedMinutes,
      observations: l.calibration.observations, medianMinutes: l.calibration.medianMinutes, p80Minutes: l.calibration.p80Minutes,
      calibratedMinutes: l.calibration.calibratedMinutes, ratio: Math.round(l.ratio * 100) / 100, off: l.off,
    });
    return {
      overrunRatio: r.overrunRatio, threshold: r.threshold, groupBias: r.groupBias, items: r.lines.map(line), offItems: r.lines.filter((l) => l.off).map(line),
      teacherBiases: await Promise.all(r.teacherBiases.map(async (b) => ({ ...b, teacher: UserNode.from(await userService.get(ctx, b.teacherId)) }))),
    };
  }
}

/** Free-text messages on a sheet: 1–1000 characters, not blank. */
function checkMessage(value: string, field: string): string {
  if (!value.trim() || value.length > 1000) throw new InvalidInputError(field, RecordSheetMessages.MESSAGE_LENGTH, { max: 1000 });
  return value;
}
