import { preparedQuery } from '../../core/prepared-query';
import { Between, In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { addDays, isoWeekday } from '../../core/dates';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors';
import { Role } from '../../core/roles';
import { plansOn } from '../assignment/assignment-plan';
import { covers, MAX_SPAN_DAYS } from '../assignment/assignment-span.policy';
import { Assignment, AssignmentStatus, StudentChoice } from '../assignment/assignment.entity';
import { AssignmentShape } from '../assignment/assignment.policy';
import { SchoolClass } from '../class/class.entity';
import { ResearchGroup } from '../research-group/research-group.entity';
import { levelOfChoice } from '../submission/grading.policy';
import { SheetFacts, SheetRow, sheetsOf } from './record-sheet.service';
import { entityOfJson, jsonOfRow } from '../../core/entity-json';
import { AssignmentJson, assignmentJsonSql, primeAssignment } from '../assignment/assignment-read';
import { capsFrom } from '../load/load.service';
import { CalendarDay, LoadPolicy } from '../load/load.entity';
import { User } from '../user/user.entity';
import { School } from '../school/school.entity';
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
  /**
   * Per day and subject, predicted vs actual minutes, students over the cap and sleep compliance.
   * One statement reads the class, its students, the homework of the range and everything the
   * students' sheets are built from; the figures are the sheets' own (`sheetsOf`), so the report
   * and the sheets cannot disagree.
   */
  async classLoad(ctx: RequestContext, classId: string, from: string, to: string): Promise<DayLoad[]> {
    checkRange(from, to);
    const { facts, students } = await this.classFacts(ctx, classId, from, to);
    const { cls, plans } = facts;
    await this.authorizeReport(ctx, cls);
    const reported: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      if (isoWeekday(day) <= 5 || plans.some((p) => covers(p.assignment, day))) reported.push(day);
    }
    const { caps } = facts;
    const sheetsByDay = sheetsOf(facts, students, reported);
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

  /**
   * The facts of a class's sheets from `from` to `to` in one statement: the class and the school,
   * the class's students (of an archived class: those who were in it), its published homework
   * covering the range with what its fields resolve to, the caps and calendar of its grade, and the
   * students' sheets, entries, choices, hand-ins (their first minutes) and group memberships.
   */
  private async classFacts(ctx: RequestContext, classId: string, from: string, to: string): Promise<{ facts: SheetFacts<SheetRow>; students: User[] }> {
    const db = ctx.db;
    type Json = unknown[];
    // Of the sheets, entries, choices and hand-ins (thousands of rows a week) only the columns the
    // sheets are built from (SheetFacts), as arrays, and a student, an assignment, a sheet or a
    // hand-in as its place in the answer's own lists instead of its id: the answer is built, sent
    // and parsed per byte, and a week's rows are mostly their ids.
    const [row]: { j: {
      cls: Json | null; school: Json; students: Json[]; assignments: AssignmentJson[]; policies: Json[]; calendar: Json[];
      sheets: [id: string, student: number, day: string, bedtime: string | null, filledAt: string | null, readAt: string | null][];
      entries: [sheet: number, assignment: number, actualMinutes: number][];
      choices: [student: number, assignment: number, choice: string][];
      submissions: [student: number, assignment: number, choice: string][];
      first: [submission: number, actualMinutes: number | null][];
      members: [groupId: string, studentId: string][];
    } }[] = await preparedQuery(db,
      `WITH c AS (SELECT * FROM classes WHERE school_id = $1 AND id = $2),
            st AS (SELECT u.* FROM users u WHERE u.school_id = $1 AND u.id IN (
                     SELECT s.id FROM users s JOIN c ON c.id = s.class_id AND c.archived_at IS NULL WHERE s.school_id = $1
                     UNION SELECT m.student_id FROM past_class_members m WHERE m.school_id = $1 AND m.class_id = $2)),
            stn AS MATERIALIZED (SELECT id, (row_number() OVER (ORDER BY student_no ASC NULLS LAST, id) - 1)::int AS n FROM st),
            a AS (SELECT * FROM assignments WHERE school_id = $1 AND class_id = $2 AND status = 'published' AND day BETWEEN $5 AND $4 AND due_day >= $3),
            an AS MATERIALIZED (SELECT id, (row_number() OVER (ORDER BY day, id) - 1)::int AS n FROM a),
            sh AS MATERIALIZED (SELECT r.id, stn.n AS student, r.day, r.bedtime, r.filled_at, r.read_at, (row_number() OVER (ORDER BY r.id) - 1)::int AS n
                                  FROM record_sheets r JOIN stn ON stn.id = r.student_id WHERE r.school_id = $1 AND r.day BETWEEN $3 AND $4),
            sub AS MATERIALIZED (SELECT s.id, stn.n AS student, an.n AS assignment, s.choice, (row_number() OVER (ORDER BY s.id) - 1)::int AS n
                                   FROM submissions s JOIN an ON an.id = s.assignment_id JOIN stn ON stn.id = s.student_id WHERE s.school_id = $1)
       SELECT json_build_object(
         'cls', (SELECT ${jsonOfRow(db, SchoolClass, 'c')} FROM c),
         'school', (SELECT ${jsonOfRow(db, School, 'sc')} FROM schools sc WHERE sc.school_id = $1),
         'students', (SELECT coalesce(json_agg(${jsonOfRow(db, User, 'st')} ORDER BY st.student_no ASC NULLS LAST, st.id), '[]'::json) FROM st),
         'assignments', (SELECT coalesce(json_agg(${assignmentJsonSql(db, { planOnly: true })} ORDER BY a.day, a.id), '[]'::json) FROM a),
         'policies', (SELECT coalesce(json_agg(${jsonOfRow(db, LoadPolicy, 'p')}), '[]'::json) FROM load_policies p WHERE p.school_id = $1 AND p.grade = (SELECT grade FROM c)),
         'calendar', (SELECT coalesce(json_agg(${jsonOfRow(db, CalendarDay, 'd')}), '[]'::json) FROM calendar_days d WHERE d.school_id = $1 AND d.day BETWEEN $3 AND $4),
         'sheets', (SELECT coalesce(json_agg(json_build_array(sh.id, sh.student, sh.day, sh.bedtime, sh.filled_at, sh.read_at) ORDER BY sh.n), '[]'::json) FROM sh),
         -- Entries of homework outside the range's (another class's, before a move) are on no line of the report.
         'entries', (SELECT coalesce(json_agg(json_build_array(sh.n, an.n, e.actual_minutes)), '[]'::json)
                       FROM record_sheet_entries e JOIN sh ON sh.id = e.sheet_id JOIN an ON an.id = e.assignment_id WHERE e.school_id = $1),
         'choices', (SELECT coalesce(json_agg(json_build_array(stn.n, an.n, ch.choice)), '[]'::json)
                       FROM student_choices ch JOIN an ON an.id = ch.assignment_id JOIN stn ON stn.id = ch.student_id WHERE ch.school_id = $1),
         'submissions', (SELECT coalesce(json_agg(json_build_array(sub.student, sub.assignment, sub.choice) ORDER BY sub.n), '[]'::json) FROM sub),
         'first', (SELECT coalesce(json_agg(json_build_array(sub.n, v.actual_minutes)), '[]'::json)
                     FROM submission_versions v JOIN sub ON sub.id = v.submission_id WHERE v.school_id = $1 AND v.version_no = 1),
         'members', (SELECT coalesce(json_agg(json_build_array(gm.group_id, gm.student_id)), '[]'::json)
                       FROM student_group_members gm WHERE gm.school_id = $1 AND gm.group_id IN (SELECT group_id FROM a WHERE group_id IS NOT NULL))
       ) AS j`,
      [ctx.schoolId, classId, from, to, addDays(from, 1 - MAX_SPAN_DAYS)],
    );
    const j = row.j;
    if (!j.cls) throw new NotFoundError('Class', classId);
    const cls = entityOfJson(db, SchoolClass, j.cls);
    ctx.loaders.classById.prime(cls.id, cls);
    const days: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
    const groupMembers = new Map<string, Set<string>>();
    for (const [groupId, studentId] of j.members) (groupMembers.get(groupId) ?? groupMembers.set(groupId, new Set()).get(groupId)!).add(studentId);
    const instant = (at: string | null) => (at === null ? null : new Date(at));
    const students = j.students.map((u) => entityOfJson(db, User, u));
    const plans = j.assignments.map((x) => primeAssignment(ctx, x));
    // The places in the lists above back to ids.
    const studentId = students.map((u) => u.id);
    const firstMinutes: (number | null)[] = j.submissions.map(() => null);
    for (const [submission, actualMinutes] of j.first) firstMinutes[submission] = actualMinutes;
    const assignmentId = plans.map((p) => p.assignment.id);
    const sheets = j.sheets.map(([id, student, day, bedtime, filledAt, readAt]) => ({
      id, studentId: studentId[student], day, bedtime, filledAt: instant(filledAt), readAt: instant(readAt),
    }));
    return {
      students,
      facts: {
        cls,
        school: entityOfJson(db, School, j.school),
        plans,
        caps: capsFrom(cls.grade, days, j.policies.map((p) => entityOfJson(db, LoadPolicy, p)), j.calendar.map((d) => entityOfJson(db, CalendarDay, d))),
        sheets,
        messages: [],
        choices: j.choices.map(([student, assignment, choice]) => ({ studentId: studentId[student], assignmentId: assignmentId[assignment], choice })),
        submissions: j.submissions.map(([student, assignment, choice], n) => ({
          studentId: studentId[student], assignmentId: assignmentId[assignment], choice, firstActualMinutes: firstMinutes[n],
        })),
        groupMembers,
        entries: j.entries.map(([sheet, assignment, actualMinutes]) => ({ sheetId: sheets[sheet].id, assignmentId: assignmentId[assignment], actualMinutes })),
      },
    };
  }

  /** Class reports are for the academic office, the class's head teacher and the leads of its grade's groups. */
  private async reportableClass(ctx: RequestContext, classId: string, subjectId?: string): Promise<SchoolClass> {
    const cls = await ctx.loaders.classById.load(classId);
    if (!cls) throw new NotFoundError('Class', classId);
    return this.authorizeReport(ctx, cls, subjectId);
  }

  private async authorizeReport(ctx: RequestContext, cls: SchoolClass, subjectId?: string): Promise<SchoolClass> {
    if (ctx.hasRole(Role.ACADEMIC_OFFICE) || ctx.viewer.headClassIds.has(cls.id)) return cls;
    const led = await ctx.loaders.researchGroupById.loadMany([...ctx.viewer.ledGroupIds]);
    const leads = led.some((g) => g instanceof ResearchGroup && g.grade === cls.grade && (!subjectId || g.subjectId === subjectId));
    if (!leads) throw new ForbiddenError(RecordSheetMessages.CLASS_REPORT_READERS);
    return cls;
  }
}

export const reportService = new ReportService();
