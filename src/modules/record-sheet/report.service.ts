import { Between, In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { addDays, isoWeekday } from '../../core/dates';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors';
import { Role } from '../../core/roles';
import { loadPlans, overlapping, plansOn } from '../assignment/assignment-plan';
import { covers } from '../assignment/assignment-span.policy';
import { Assignment, AssignmentStatus, StudentChoice } from '../assignment/assignment.entity';
import { AssignmentShape } from '../assignment/assignment.policy';
import { SchoolClass } from '../class/class.entity';
import { loadService } from '../load/load.service';
import { ResearchGroup } from '../research-group/research-group.entity';
import { levelOfChoice } from '../submission/grading.policy';
import { recordSheetService } from './record-sheet.service';
import { suggestionTrend, WeekSuggestions } from '../assignment/tier-suggestion.service';
import { RecordSheetMessages } from './record-sheet.errors';

export interface SubjectDayLoad { subjectId: string; predictedMinutes: number; actualMinutes: number | null; observations: number }
export interface DayLoad { day: string; capMinutes: number; subjects: SubjectDayLoad[]; studentsOverCap: number; sheets: number; onTimeBedtimes: number; bedtimes: number }
export interface WeekTiers { weekStart: string; counts: { tier: string; count: number }[]; suggestions: WeekSuggestions }

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : null);

function checkRange(from: string, to: string): void {
  if (from > to) throw new InvalidInputError('from', RecordSheetMessages.FROM_AFTER_TO);
  if (Date.parse(to) - Date.parse(from) > 62 * 86400000) throw new InvalidInputError('to', RecordSheetMessages.RANGE_TOO_LONG, { maxDays: 62 });
}

export class ReportService {
  /** Per day and subject, predicted vs actual minutes, students over the cap and sleep compliance. */
  async classLoad(ctx: RequestContext, classId: string, from: string, to: string): Promise<DayLoad[]> {
    checkRange(from, to);
    const cls = await this.reportableClass(ctx, classId);
    const assignments = await ctx.db.getRepository(Assignment).find({
      where: { schoolId: ctx.schoolId, classId, status: AssignmentStatus.PUBLISHED, ...overlapping(from, to) }, order: { day: 'ASC' },
    });
    const plans = await loadPlans(ctx.db, ctx.schoolId, assignments);
    const students = await ctx.loaders.studentsByClassId.load(classId);
    const reported: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      if (isoWeekday(day) <= 5 || plans.some((p) => covers(p.assignment, day))) reported.push(day);
    }
    // Every day's caps and sheets at once: the statements do not grow with the range. The
    // sheets carry each student's choice and actual minutes (the sheet's figure, else the
    // first hand-in's), so the subject figures are the ones the students' sheets show.
    const caps = await loadService.capsOn(ctx, cls.grade, reported);
    const sheetsByDay = await recordSheetService.viewsOfDays(ctx, students, reported, { cls, plans, caps, withoutMessages: true });
    const days: DayLoad[] = [];
    for (const day of reported) {
      const sheets = sheetsByDay.get(day) ?? [];
      const { capMinutes } = caps.get(day)!;
      const bedtimes = sheets.filter((s) => s.sheet?.bedtime);
      days.push({
        day, capMinutes,
        // Homework over several days: each day its share and the minutes the students gave for that day.
        subjects: plansOn(plans, day).map((plan) => {
          const lines = sheets.map((s) => s.lines.find((l) => l.plan.assignment.id === plan.assignment.id)).filter((l) => l !== undefined);
          const chosen = lines.filter((l) => l.choice !== null).map((l) => l.predictedMinutes ?? 0);
          const actual = lines.filter((l) => l.actualMinutes !== null).map((l) => l.actualMinutes!);
          return { subjectId: plan.assignment.subjectId, predictedMinutes: mean(chosen) ?? 0, actualMinutes: mean(actual), observations: actual.length };
        }),
        studentsOverCap: sheets.filter((s) => s.flags.includes('WRITTEN_OVER_CAP')).length,
        sheets: sheets.filter((s) => s.sheet?.filledAt).length,
        onTimeBedtimes: bedtimes.filter((s) => !s.flags.includes('LATE_BEDTIME')).length,
        bedtimes: bedtimes.length,
      });
    }
    return days;
  }

  /**
   * How the class's choices moved between tiers week by week, and how often the teachers'
   * suggested choices were followed (counts only).
   */
  async tierTrend(ctx: RequestContext, classId: string, subjectId: string, from: string, to: string): Promise<WeekTiers[]> {
    checkRange(from, to);
    await this.reportableClass(ctx, classId, subjectId);
    const assignments = await ctx.db.getRepository(Assignment).find({
      where: { schoolId: ctx.schoolId, classId, subjectId, status: AssignmentStatus.PUBLISHED, day: Between(from, to) },
    });
    const [choices, suggested] = assignments.length
      ? await Promise.all([
        ctx.db.getRepository(StudentChoice).findBy({ schoolId: ctx.schoolId, assignmentId: In(assignments.map((a) => a.id)) }),
        suggestionTrend(ctx, assignments),
      ])
      : [[], []];
    const suggestionsOf = (weekStart: string): WeekSuggestions =>
      suggested.find((w) => w.weekStart === weekStart) ?? { weekStart, suggested: 0, followed: 0, notFollowed: 0, notChosen: 0 };
    const weeks = new Map<string, Map<string, number>>();
    for (const a of assignments) {
      const monday = addDays(a.day, 1 - isoWeekday(a.day));
      const counts = weeks.get(monday) ?? new Map<string, number>();
      for (const c of choices.filter((x) => x.assignmentId === a.id)) {
        const tier = a.shape === AssignmentShape.THREE_PART ? levelOfChoice(a.shape, c.choice) : c.choice;
        counts.set(tier, (counts.get(tier) ?? 0) + 1);
      }
      weeks.set(monday, counts);
    }
    return [...weeks.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([weekStart, counts]) => ({
      weekStart, counts: [...counts.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([tier, count]) => ({ tier, count })),
      suggestions: suggestionsOf(weekStart),
    }));
  }

  /** Refuses a class report to whoever may not read it. */
  async checkClassReport(ctx: RequestContext, classId: string): Promise<void> {
    await this.reportableClass(ctx, classId);
  }

  /** Class reports are for the academic office, the class's head teacher and the leads of its grade's groups. */
  private async reportableClass(ctx: RequestContext, classId: string, subjectId?: string): Promise<SchoolClass> {
    const cls = await ctx.loaders.classById.load(classId);
    if (!cls) throw new NotFoundError('Class', classId);
    if (ctx.hasRole(Role.ACADEMIC_OFFICE) || ctx.viewer.headClassIds.has(cls.id)) return cls;
    const led = await ctx.loaders.researchGroupById.loadMany([...ctx.viewer.ledGroupIds]);
    const leads = led.some((g) => g instanceof ResearchGroup && g.grade === cls.grade && (!subjectId || g.subjectId === subjectId));
    if (!leads) throw new ForbiddenError(RecordSheetMessages.CLASS_REPORT_READERS);
    return cls;
  }
}

export const reportService = new ReportService();
