import { RequestContext } from '../../core/context';
import { isoWeekday, schoolToday } from '../../core/dates';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors';
import { Role } from '../../core/roles';
import { planChoices } from '../assignment/assignment-plan';
import { SchoolClass } from '../class/class.entity';
import type { ExportedFile } from '../excel/notice-excel.service';
import { loadService } from '../load/load.service';
import { privacyService } from '../privacy/privacy.service';
import { SheetView, recordSheetService } from '../record-sheet/record-sheet.service';
import { schoolService } from '../school/school.service';
import { User } from '../user/user.entity';
import { staffReachesClass } from '../user/user.policy';
import { weekDays } from '../weekly-list/weekly-list.policy';
import { PDF_MIME_TYPE } from './pdf-document';
import { PrintedDay, PrintedWeek, recordSheetPdf } from './record-sheet-pdf';
import { PrintMessages } from './print.errors';
import { RequestErrors } from '../../core/request-errors';

const DAY_KINDS: Record<string, string> = { school_day: '上学日', weekend: '周末', holiday: '节假日' };

/** Whose sheets to print: a whole class, or one student. */
export interface PrintTarget {
  classId?: string | null;
  studentId?: string | null;
}

export class RecordSheetPrintService {
  /**
   * 作业记录单 of a week (Monday to Sunday) as a PDF, one A4 page per student: a class's for its
   * head teacher or the academic office, or one student's for them and for the student's
   * parents. What the students have not filled in stays blank, to be written by hand. Every
   * sheet a member of staff prints is in the access log, as a read of that student's day.
   */
  async print(ctx: RequestContext, weekStart: string, target: PrintTarget): Promise<ExportedFile> {
    if (isoWeekday(weekStart) !== 1) throw new InvalidInputError('weekStart', RequestErrors.WEEK_START_NOT_MONDAY);
    if (!target.classId === !target.studentId) throw new InvalidInputError('classId', PrintMessages.CLASS_OR_STUDENT);
    const { cls, students } = target.classId ? await this.classOf(ctx, target.classId) : await this.studentOf(ctx, target.studentId!);
    const days = weekDays(weekStart);
    const [school, subjects, caps, head] = await Promise.all([
      schoolService.current(ctx),
      schoolService.subjects(ctx),
      loadService.capsOn(ctx, cls.grade, days),
      cls.headTeacherId ? ctx.loaders.userById.load(cls.headTeacherId) : null,
    ]);
    const views = await recordSheetService.viewsOfDays(ctx, students, days, { cls, caps });
    privacyService.noteAccess(ctx, students.flatMap((s) => days.map((day) => ({ studentId: s.id, resource: 'record_sheet' as const, resourceId: day }))));

    const subjectOrder = new Map(subjects.map((s, i) => [s.id, i]));
    const subjectName = new Map(subjects.map((s) => [s.id, s.name]));
    const weeks = students.map((student, n): PrintedWeek => ({
      school: school.name, className: cls.name, student: student.displayName, studentNo: student.studentNo, weekStart,
      headTeacher: head?.displayName ?? null, bedtimeTarget: views.get(days[0])![n].bedtimeTarget,
      days: days.map((day) => printedDay(views.get(day)![n], DAY_KINDS[caps.get(day)!.dayKind] ?? '', subjectOrder, subjectName)),
    }));
    const name = target.classId ? cls.name : students[0].displayName;
    return {
      fileName: `${name}作业记录单-${weekStart}.pdf`,
      mimeType: PDF_MIME_TYPE,
      data: await recordSheetPdf(weeks, { title: `${name}作业记录单`, printedOn: schoolToday(), className: cls.name }),
    };
  }

  private async classOf(ctx: RequestContext, classId: string): Promise<{ cls: SchoolClass; students: User[] }> {
    const cls = await ctx.loaders.classById.load(classId);
    if (!cls) throw new NotFoundError('Class', classId);
    if (!ctx.viewer.headClassIds.has(classId) && !ctx.hasRole(Role.ACADEMIC_OFFICE)) {
      throw new ForbiddenError(PrintMessages.CLASS_PRINT_HEAD_OR_OFFICE);
    }
    return { cls, students: await ctx.loaders.studentsByClassId.load(classId) };
  }

  private async studentOf(ctx: RequestContext, studentId: string): Promise<{ cls: SchoolClass; students: User[] }> {
    const v = ctx.viewer;
    const student = await ctx.loaders.userById.load(studentId);
    const classId = student?.classId;
    if (!student || !classId || !(student.id === v.userId || v.childIds.has(student.id) || staffReachesClass(v, classId))) {
      throw new NotFoundError('Student', studentId);
    }
    if (!v.childIds.has(student.id) && !v.headClassIds.has(classId) && !ctx.hasRole(Role.ACADEMIC_OFFICE)) {
      throw new ForbiddenError(PrintMessages.STUDENT_PRINT_READERS);
    }
    const cls = await ctx.loaders.classById.load(classId);
    if (!cls) throw new NotFoundError('Class', classId);
    return { cls, students: [student] };
  }
}

/** One day of one student's sheet as printed: subjects in the school's order, the student's entries where filled. */
function printedDay(view: SheetView, dayKind: string, subjectOrder: Map<string, number>, subjectName: Map<string, string>): PrintedDay {
  const lines = [...view.lines].sort((a, b) => (subjectOrder.get(a.plan.assignment.subjectId) ?? 0) - (subjectOrder.get(b.plan.assignment.subjectId) ?? 0));
  return {
    day: view.day,
    dayKind,
    capMinutes: view.capMinutes,
    overCap: view.flags.includes('WRITTEN_OVER_CAP'),
    lines: lines.map((line) => {
      const choices = planChoices(line.plan);
      const minutes = choices.map((c) => c.totalMinutes);
      const predicted = line.predictedMinutes ?? (minutes.length ? rangeOf(Math.min(...minutes), Math.max(...minutes)) : null);
      return {
        subject: subjectName.get(line.plan.assignment.subjectId) ?? '',
        title: line.plan.assignment.title,
        // 'A 套餐', or 'B 层' of 'B 层：基础 + 拓展'.
        choice: line.choice ? (choices.find((c) => c.key === line.choice)?.label ?? line.choice).split('：')[0] : null,
        content: line.content,
        predictedMinutes: predicted === null ? null : String(predicted),
        actualMinutes: line.actualMinutes,
        overran: line.overran,
      };
    }),
    selfStudyContent: view.sheet?.selfStudyContent ?? null,
    selfStudyMinutes: view.sheet?.selfStudyMinutes ?? null,
    bedtime: view.sheet?.bedtime ?? null,
    lateBedtime: view.flags.includes('LATE_BEDTIME'),
    messages: view.messages.map((m) => ({ body: m.body, reply: m.reply })),
    readNote: view.sheet?.readNote ?? null,
  };
}

const rangeOf = (low: number, high: number) => (low === high ? `${low}` : `${low}–${high}`);

export const recordSheetPrintService = new RecordSheetPrintService();
