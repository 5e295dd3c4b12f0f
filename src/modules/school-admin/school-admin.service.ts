import { randomUUID } from 'node:crypto';
import { Between, IsNull, Not } from 'typeorm';
import { RequestContext, TxContext } from '../../core/context';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { SchoolClass, TeachingAssignment } from '../class/class.entity';
import { SchoolYearErrors } from '../school-year/school-year.errors';
import { CalendarDay } from '../load/load.entity';
import { lockLoadRules } from '../load/load.service';
import { ResearchGroup, ResearchGroupMember } from '../research-group/research-group.entity';
import { School, Subject, Term } from '../school/school.entity';
import { gradesOf } from '../school/school.policy';
import { User, UserRole } from '../user/user.entity';
import {
  calendarMarks, CalendarSummary, calendarSummary, checkRevision, className, NamedDay, researchGroupName, subjectCode, termName,
} from './school-admin.policy';
import { UserErrors } from '../user/user.errors';
import { SchoolAdminErrors, SchoolAdminMessages } from './school-admin.errors';
import { SchoolErrors } from '../school/school.errors';

export interface TermDates {
  startsOn: string;
  endsOn: string;
}

export interface CalendarSetResult extends CalendarSummary {
  term: Term | null;
  calendarDays: CalendarDay[];
}

export interface GroupPeople {
  leadId: string;
  memberIds: string[];
}

/** Refuses anyone but the academic office; resolvers declare the same, services do not rely on it. */
export function requireOffice(ctx: RequestContext): void {
  if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError(SchoolAdminMessages.STRUCTURE_OFFICE_ONLY);
}

/** A row of the caller's school, locked for the change until the caller's transaction ends, or NOT_FOUND. */
export async function lockedRow<T extends object>(ctx: TxContext, entity: new () => T, what: string, id: string): Promise<T> {
  const row = await ctx.db.findOne(entity, { where: { schoolId: ctx.schoolId, id } as never, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFoundError(what, id);
  return row;
}

/**
 * An active teacher of the school: a deactivated one (who left) is refused, as is a user
 * without the teacher role.
 */
export async function activeTeacher(ctx: TxContext, id: string, field: string): Promise<User> {
  const { schoolId } = ctx;
  const user = await ctx.db.findOneBy(User, { schoolId, id });
  if (!user) throw new NotFoundError('User', id);
  if (user.deactivatedAt) {
    throw new RuleViolation(UserErrors.USER_DEACTIVATED, [field], { name: user.displayName, teaching: 'yes' });
  }
  if (!(await ctx.db.exists(UserRole, { where: { schoolId, userId: id, role: Role.TEACHER } }))) {
    throw new RuleViolation(UserErrors.NOT_A_TEACHER, [field], { name: user.displayName });
  }
  return user;
}

/** The academic office builds the school's structure: terms and their calendar, subjects, classes, teaching and research groups. */
export class SchoolAdminService {
  /** Adds a term; its name is generated from the academic year and term number. */
  async createTerm(ctx: RequestContext, input: TermDates & { academicYear: string; termNo: number }): Promise<Term> {
    requireOffice(ctx);
    checkTermDates(input);
    return withTransaction(ctx, async (txCtx) => {
      const name = termName(input.academicYear, input.termNo);
      if (await txCtx.db.exists(Term, { where: { schoolId: txCtx.schoolId, academicYear: input.academicYear, termNo: input.termNo } })) {
        throw new RuleViolation(SchoolAdminErrors.TERM_EXISTS, ['termNo'], { termNo: input.termNo, name });
      }
      await refuseOverlap(txCtx, input, null);
      const { academicYear, termNo, startsOn, endsOn } = input;
      const term: Term = { schoolId: txCtx.schoolId, id: randomUUID(), name, academicYear, termNo, startsOn, endsOn, revision: 1 };
      await txCtx.db.insert(Term, term);
      return term;
    });
  }

  /** Moves a term's dates; refuses a stale revision and an overlap with another term. */
  async updateTerm(ctx: RequestContext, termId: string, expectedRevision: number, dates: TermDates): Promise<Term> {
    requireOffice(ctx);
    checkTermDates(dates);
    return withTransaction(ctx, async (txCtx) => {
      const term = await lockedRow(txCtx, Term, 'Term', termId);
      checkRevision(term.name, term.revision, expectedRevision);
      await refuseOverlap(txCtx, dates, term.id);
      // Only the dates: the caller may pass its whole input (termId, expectedRevision), which are no columns.
      const changed = { startsOn: dates.startsOn, endsOn: dates.endsOn, revision: term.revision + 1 };
      await txCtx.db.update(Term, { schoolId: txCtx.schoolId, id: term.id }, changed);
      return { ...term, ...changed };
    });
  }

  /**
   * Sets a term's calendar in one go: the marks within the term are replaced by its holidays
   * and make-up school days (调休); other days follow the weekday. Bumps the term's revision.
   */
  async setTermCalendar(ctx: RequestContext, termId: string, expectedRevision: number, holidays: NamedDay[], makeUps: NamedDay[]): Promise<CalendarSetResult> {
    requireOffice(ctx);
    return withTransaction(ctx, async (txCtx) => {
      const term = await lockedRow(txCtx, Term, 'Term', termId);
      checkRevision(term.name, term.revision, expectedRevision);
      const marks = calendarMarks(term.startsOn, term.endsOn, holidays, makeUps);
      const calendarDays = await replaceMarks(txCtx, term.startsOn, term.endsOn, marks);
      await txCtx.db.update(Term, { schoolId: txCtx.schoolId, id: term.id }, { revision: term.revision + 1 });
      return { term: { ...term, revision: term.revision + 1 }, calendarDays, ...calendarSummary(term.startsOn, term.endsOn, calendarDays) };
    });
  }

  /** Enters a calendar year's national holidays and 调休 days once, replacing that year's marks. */
  async setYearCalendar(ctx: RequestContext, year: number, holidays: NamedDay[], makeUps: NamedDay[]): Promise<CalendarSetResult> {
    requireOffice(ctx);
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const marks = calendarMarks(from, to, holidays, makeUps);
    return withTransaction(ctx, async (txCtx) => {
      const calendarDays = await replaceMarks(txCtx, from, to, marks);
      return { term: null, calendarDays, ...calendarSummary(from, to, calendarDays) };
    });
  }

  /** Adds a subject by its Chinese name; the internal code is generated. */
  async createSubject(ctx: RequestContext, rawName: string): Promise<Subject> {
    requireOffice(ctx);
    const name = rawName.trim();
    return withTransaction(ctx, async (txCtx) => {
      const subjects = await txCtx.db.find(Subject, { where: { schoolId: txCtx.schoolId }, lock: { mode: 'pessimistic_write' } });
      if (subjects.some((s) => s.name === name)) throw new RuleViolation(SchoolAdminErrors.SUBJECT_EXISTS, ['name'], { name });
      const subject: Subject = {
        schoolId: txCtx.schoolId, id: randomUUID(), name, code: subjectCode(name, subjects.map((s) => s.code)),
        sortOrder: Math.max(0, ...subjects.map((s) => s.sortOrder)) + 1, revision: 1,
      };
      await txCtx.db.insert(Subject, subject);
      return subject;
    });
  }

  /** Renames a subject; its code stays. */
  async renameSubject(ctx: RequestContext, subjectId: string, expectedRevision: number, rawName: string): Promise<Subject> {
    requireOffice(ctx);
    const name = rawName.trim();
    return withTransaction(ctx, async (txCtx) => {
      const subject = await lockedRow(txCtx, Subject, 'Subject', subjectId);
      checkRevision(`学科“${subject.name}”`, subject.revision, expectedRevision);
      if (await txCtx.db.exists(Subject, { where: { schoolId: txCtx.schoolId, name, id: Not(subject.id) } })) {
        throw new RuleViolation(SchoolAdminErrors.SUBJECT_EXISTS, ['name'], { name });
      }
      await txCtx.db.update(Subject, { schoolId: txCtx.schoolId, id: subject.id }, { name, revision: subject.revision + 1 });
      return { ...subject, name, revision: subject.revision + 1 };
    });
  }

  /** Adds a class of a grade the school teaches; its name (三年级(2)班) is generated. */
  async createClass(ctx: RequestContext, grade: number, classNo: number): Promise<SchoolClass> {
    requireOffice(ctx);
    return withTransaction(ctx, async (txCtx) => {
      await checkGrade(txCtx, grade);
      const name = className(grade, classNo);
      if (await txCtx.db.exists(SchoolClass, { where: { schoolId: txCtx.schoolId, grade, classNo, archivedAt: IsNull() } })) {
        throw new RuleViolation(SchoolAdminErrors.CLASS_EXISTS, ['classNo'], { grade, classNo, name });
      }
      const c: SchoolClass = { schoolId: txCtx.schoolId, id: randomUUID(), grade, classNo, name, headTeacherId: null, revision: 1, archivedAt: null };
      await txCtx.db.insert(SchoolClass, c);
      return c;
    });
  }

  /** A teacher teaches a subject to a class; a teacher who left is refused. */
  async createTeachingAssignment(ctx: RequestContext, teacherId: string, classId: string, subjectId: string): Promise<TeachingAssignment> {
    requireOffice(ctx);
    return withTransaction(ctx, async (txCtx) => {
      const teacher = await activeTeacher(txCtx, teacherId, 'teacherId');
      const c = await lockedRow(txCtx, SchoolClass, 'Class', classId);
      if (c.archivedAt) throw new RuleViolation(SchoolYearErrors.CLASS_ARCHIVED, ['classId'], { name: c.name });
      const subject = await txCtx.db.findOneBy(Subject, { schoolId: txCtx.schoolId, id: subjectId });
      if (!subject) throw new NotFoundError('Subject', subjectId);
      if (await txCtx.db.exists(TeachingAssignment, { where: { schoolId: txCtx.schoolId, teacherId, classId, subjectId } })) {
        throw new RuleViolation(SchoolAdminErrors.TEACHING_ASSIGNMENT_EXISTS, ['subjectId'], { teacher: teacher.displayName, className: c.name, subject: subject.name });
      }
      const row: TeachingAssignment = { schoolId: txCtx.schoolId, id: randomUUID(), teacherId, classId, subjectId };
      await txCtx.db.insert(TeachingAssignment, row);
      return row;
    });
  }

  /** Adds a research group of a subject and grade with its lead and members (teachers); its name is generated. */
  async createResearchGroup(ctx: RequestContext, subjectId: string, grade: number, people: GroupPeople): Promise<ResearchGroup> {
    requireOffice(ctx);
    return withTransaction(ctx, async (txCtx) => {
      const subject = await txCtx.db.findOneBy(Subject, { schoolId: txCtx.schoolId, id: subjectId });
      if (!subject) throw new NotFoundError('Subject', subjectId);
      await checkGrade(txCtx, grade);
      const name = researchGroupName(grade, subject.name);
      if (await txCtx.db.exists(ResearchGroup, { where: { schoolId: txCtx.schoolId, subjectId, grade } })) {
        throw new RuleViolation(SchoolAdminErrors.RESEARCH_GROUP_EXISTS, ['grade'], { grade, name });
      }
      const group: ResearchGroup = { schoolId: txCtx.schoolId, id: randomUUID(), subjectId, grade, name, leadId: people.leadId, revision: 1 };
      const members = await checkGroupPeople(txCtx, people);
      await txCtx.db.insert(ResearchGroup, group);
      await txCtx.db.insert(ResearchGroupMember, members.map((userId) => ({ schoolId: txCtx.schoolId, groupId: group.id, userId })));
      return group;
    });
  }

  /** Replaces a research group's lead and members. */
  async updateResearchGroup(ctx: RequestContext, groupId: string, expectedRevision: number, people: GroupPeople): Promise<ResearchGroup> {
    requireOffice(ctx);
    return withTransaction(ctx, async (txCtx) => {
      const group = await lockedRow(txCtx, ResearchGroup, 'ResearchGroup', groupId);
      checkRevision(group.name, group.revision, expectedRevision);
      const members = await checkGroupPeople(txCtx, people);
      await txCtx.db.delete(ResearchGroupMember, { schoolId: txCtx.schoolId, groupId: group.id });
      await txCtx.db.insert(ResearchGroupMember, members.map((userId) => ({ schoolId: txCtx.schoolId, groupId: group.id, userId })));
      const changed = { leadId: people.leadId, revision: group.revision + 1 };
      await txCtx.db.update(ResearchGroup, { schoolId: txCtx.schoolId, id: group.id }, changed);
      return { ...group, ...changed };
    });
  }
}

function checkTermDates(dates: TermDates): void {
  if (dates.endsOn <= dates.startsOn) throw new InvalidInputError('endsOn', SchoolAdminMessages.TERM_ENDS_BEFORE_START, { endsOn: dates.endsOn, startsOn: dates.startsOn });
}

async function refuseOverlap(ctx: TxContext, dates: TermDates, exceptId: string | null): Promise<void> {
  const terms = await ctx.db.findBy(Term, { schoolId: ctx.schoolId });
  const other = terms.find((t) => t.id !== exceptId && t.startsOn <= dates.endsOn && dates.startsOn <= t.endsOn);
  if (other) {
    throw new RuleViolation(SchoolAdminErrors.TERM_OVERLAP, ['startsOn'], { other: other.name, otherStartsOn: other.startsOn, otherEndsOn: other.endsOn });
  }
}

async function checkGrade(ctx: TxContext, grade: number): Promise<void> {
  const school = await ctx.db.findOneByOrFail(School, { id: ctx.schoolId });
  if (!gradesOf(school.stage).includes(grade)) {
    throw new RuleViolation(SchoolErrors.GRADE_NOT_IN_SCHOOL, ['grade'], { grade, school: school.name });
  }
}

/** The lead and members, each an active teacher; the lead is a member too. */
async function checkGroupPeople(ctx: TxContext, people: GroupPeople): Promise<string[]> {
  await activeTeacher(ctx, people.leadId, 'leadId');
  const members = [...new Set([people.leadId, ...people.memberIds])];
  for (const [i, id] of people.memberIds.entries()) await activeTeacher(ctx, id, `memberIds.${i}`);
  return members;
}

/** Replaces the calendar marks within `from`–`to`, under the load-rules lock that publishing checks against. */
async function replaceMarks(ctx: TxContext, from: string, to: string, marks: { day: string; kind: CalendarDay['kind']; name: string }[]): Promise<CalendarDay[]> {
  const { schoolId } = ctx;
  await lockLoadRules(ctx.db, schoolId, 'change');
  await ctx.db.delete(CalendarDay, { schoolId, day: Between(from, to) });
  if (marks.length > 0) await ctx.db.insert(CalendarDay, marks.map((m) => ({ schoolId, ...m })));
  return ctx.db.find(CalendarDay, { where: { schoolId, day: Between(from, to) }, order: { day: 'ASC' } });
}

export const schoolAdminService = new SchoolAdminService();

