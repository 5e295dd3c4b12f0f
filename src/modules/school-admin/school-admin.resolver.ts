import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Role } from '../../core/roles';
import { payloadOf } from '../../core/user-error';
import { ClassNode, TeachingAssignmentNode } from '../class/class.type';
import { CalendarDayNode } from '../load/load.type';
import { ResearchGroupNode } from '../research-group/research-group.type';
import { schoolService } from '../school/school.service';
import { SubjectNode, TermNode } from '../school/school.type';
import { UserNode } from '../user/user.type';
import { schoolAdminUsersService } from './school-admin-users.service';
import {
  CalendarTermSetInput, CalendarYearSetInput, ClassCreateInput, ResearchGroupCreateInput, ResearchGroupUpdateInput, SubjectCreateInput,
  SubjectRenameInput, TeachingAssignmentCreateInput, TermCreateInput, TermUpdateInput, UserCreateInput, UserDeactivateInput,
  UserRolesSetInput, UserUpdateInput,
} from './school-admin.input';
import { CalendarSetResult, schoolAdminService } from './school-admin.service';
import {
  CalendarSetPayload, ClassCreatePayload, ResearchGroupPayload, SubjectPayload, TeachingAssignmentPayload, TermPayload, UserCreatePayload, UserPayload,
} from './school-admin.type';

const OFFICE = Role.ACADEMIC_OFFICE;
const userIds = (ids: string[], field: string) => ids.map((id, i) => fromGlobalId(id, 'User', `${field}.${i}`));

function calendarPayload(r: CalendarSetResult): Omit<CalendarSetPayload, 'userErrors'> {
  return {
    term: r.term && TermNode.from(r.term),
    calendarDays: r.calendarDays.map((d) => Object.assign(new CalendarDayNode(), { day: d.day, kind: d.kind, name: d.name })),
    schoolDays: r.schoolDays, weekendDays: r.weekendDays, holidayDays: r.holidayDays,
  };
}

/** The academic office builds the school's structure: terms, calendar, subjects, classes, teaching, research groups and users. */
@Resolver()
export class SchoolAdminResolver {
  @Authorized(OFFICE)
  @Mutation(() => TermPayload, { description: 'Add a term; its name is generated (academic office)' })
  termCreate(@Arg('input', () => TermCreateInput) input: TermCreateInput, @Ctx() ctx: RequestContext): Promise<TermPayload> {
    return payloadOf(async () => ({ term: TermNode.from(await schoolAdminService.createTerm(ctx, input)) }));
  }

  @Authorized(OFFICE)
  @Mutation(() => TermPayload, { description: "Change a term's dates (academic office)" })
  termUpdate(@Arg('input', () => TermUpdateInput) input: TermUpdateInput, @Ctx() ctx: RequestContext): Promise<TermPayload> {
    return payloadOf(async () => {
      const termId = fromGlobalId(input.termId, 'Term', 'termId');
      return { term: TermNode.from(await schoolAdminService.updateTerm(ctx, termId, input.expectedRevision, input)) };
    });
  }

  @Authorized(OFFICE)
  @Mutation(() => CalendarSetPayload, { description: "Set a term's holidays and 调休 school days in one go, replacing its marks (academic office)" })
  calendarTermSet(@Arg('input', () => CalendarTermSetInput) input: CalendarTermSetInput, @Ctx() ctx: RequestContext): Promise<CalendarSetPayload> {
    return payloadOf(async () => {
      const termId = fromGlobalId(input.termId, 'Term', 'termId');
      return calendarPayload(await schoolAdminService.setTermCalendar(ctx, termId, input.expectedRevision, input.holidays, input.makeUpSchoolDays));
    });
  }

  @Authorized(OFFICE)
  @Mutation(() => CalendarSetPayload, { description: "Enter a year's national holidays and 调休 days, replacing that year's marks (academic office)" })
  calendarYearSet(@Arg('input', () => CalendarYearSetInput) input: CalendarYearSetInput, @Ctx() ctx: RequestContext): Promise<CalendarSetPayload> {
    return payloadOf(async () => calendarPayload(await schoolAdminService.setYearCalendar(ctx, input.year, input.holidays, input.makeUpSchoolDays)));
  }

  @Authorized(OFFICE)
  @Mutation(() => SubjectPayload, { description: 'Add a subject by its Chinese name; its code is generated (academic office)' })
  subjectCreate(@Arg('input', () => SubjectCreateInput) input: SubjectCreateInput, @Ctx() ctx: RequestContext): Promise<SubjectPayload> {
    return payloadOf(async () => ({ subject: SubjectNode.from(await schoolAdminService.createSubject(ctx, input.name)) }));
  }

  @Authorized(OFFICE)
  @Mutation(() => SubjectPayload, { description: 'Rename a subject (academic office)' })
  subjectRename(@Arg('input', () => SubjectRenameInput) input: SubjectRenameInput, @Ctx() ctx: RequestContext): Promise<SubjectPayload> {
    return payloadOf(async () => {
      const subjectId = fromGlobalId(input.subjectId, 'Subject', 'subjectId');
      return { subject: SubjectNode.from(await schoolAdminService.renameSubject(ctx, subjectId, input.expectedRevision, input.name)) };
    });
  }

  @Authorized(OFFICE)
  @Mutation(() => ClassCreatePayload, { description: 'Add a class; its name is generated from grade and number (academic office)' })
  classCreate(@Arg('input', () => ClassCreateInput) input: ClassCreateInput, @Ctx() ctx: RequestContext): Promise<ClassCreatePayload> {
    return payloadOf(async () => ({ class: ClassNode.from(await schoolAdminService.createClass(ctx, input.grade, input.classNo)) }));
  }

  @Authorized(OFFICE)
  @Mutation(() => TeachingAssignmentPayload, { description: 'A teacher teaches a subject to a class (academic office)' })
  teachingAssignmentCreate(@Arg('input', () => TeachingAssignmentCreateInput) input: TeachingAssignmentCreateInput, @Ctx() ctx: RequestContext): Promise<TeachingAssignmentPayload> {
    return payloadOf(async () => {
      const teacherId = fromGlobalId(input.teacherId, 'User', 'teacherId');
      const classId = fromGlobalId(input.classId, 'Class', 'classId');
      const subjectId = fromGlobalId(input.subjectId, 'Subject', 'subjectId');
      return { teachingAssignment: TeachingAssignmentNode.from(await schoolAdminService.createTeachingAssignment(ctx, teacherId, classId, subjectId)) };
    });
  }

  @Authorized(OFFICE)
  @Mutation(() => ResearchGroupPayload, { description: 'Add a research group (subject × grade) with its lead and members (academic office)' })
  researchGroupCreate(@Arg('input', () => ResearchGroupCreateInput) input: ResearchGroupCreateInput, @Ctx() ctx: RequestContext): Promise<ResearchGroupPayload> {
    return payloadOf(async () => {
      const subjectId = fromGlobalId(input.subjectId, 'Subject', 'subjectId');
      const people = { leadId: fromGlobalId(input.leadId, 'User', 'leadId'), memberIds: userIds(input.memberIds, 'memberIds') };
      return { researchGroup: ResearchGroupNode.from(await schoolAdminService.createResearchGroup(ctx, subjectId, input.grade, people)) };
    });
  }

  @Authorized(OFFICE)
  @Mutation(() => ResearchGroupPayload, { description: "Replace a research group's lead and members (academic office)" })
  researchGroupUpdate(@Arg('input', () => ResearchGroupUpdateInput) input: ResearchGroupUpdateInput, @Ctx() ctx: RequestContext): Promise<ResearchGroupPayload> {
    return payloadOf(async () => {
      const groupId = fromGlobalId(input.groupId, 'ResearchGroup', 'groupId');
      const people = { leadId: fromGlobalId(input.leadId, 'User', 'leadId'), memberIds: userIds(input.memberIds, 'memberIds') };
      return { researchGroup: ResearchGroupNode.from(await schoolAdminService.updateResearchGroup(ctx, groupId, input.expectedRevision, people)) };
    });
  }

  @Authorized(OFFICE)
  @Mutation(() => UserCreatePayload, { description: 'Open an account; the generated initial password is returned this once (academic office)' })
  userCreate(@Arg('input', () => UserCreateInput) input: UserCreateInput, @Ctx() ctx: RequestContext): Promise<UserCreatePayload> {
    return payloadOf(async () => {
      const created = await schoolAdminUsersService.create(ctx, {
        ...input,
        classId: input.classId ? fromGlobalId(input.classId, 'Class', 'classId') : null,
        children: (input.children ?? []).map((c, i) => ({ studentId: fromGlobalId(c.studentId, 'User', `children.${i}.studentId`), relation: c.relation })),
      });
      return { user: UserNode.from(created.user), initialPassword: created.initialPassword };
    });
  }

  @Authorized(OFFICE)
  @Mutation(() => UserPayload, { description: "Change a user's name, or a student's class or 学籍号 (academic office)" })
  userUpdate(@Arg('input', () => UserUpdateInput) input: UserUpdateInput, @Ctx() ctx: RequestContext): Promise<UserPayload> {
    return payloadOf(async () => {
      const userId = fromGlobalId(input.userId, 'User', 'userId');
      const classId = input.classId ? fromGlobalId(input.classId, 'Class', 'classId') : null;
      return { user: UserNode.from(await schoolAdminUsersService.update(ctx, userId, input.expectedRevision, { ...input, classId })) };
    });
  }

  @Authorized(OFFICE)
  @Mutation(() => UserPayload, { description: 'Set the roles a user holds (academic office)' })
  userRolesSet(@Arg('input', () => UserRolesSetInput) input: UserRolesSetInput, @Ctx() ctx: RequestContext): Promise<UserPayload> {
    return payloadOf(async () => {
      const userId = fromGlobalId(input.userId, 'User', 'userId');
      return { user: UserNode.from(await schoolAdminUsersService.setRoles(ctx, userId, input.expectedRevision, input.roles)) };
    });
  }

  @Authorized(OFFICE)
  @Mutation(() => UserPayload, { description: 'Deactivate an account of someone who left: no more sign-in, history kept (academic office)' })
  userDeactivate(@Arg('input', () => UserDeactivateInput) input: UserDeactivateInput, @Ctx() ctx: RequestContext): Promise<UserPayload> {
    return payloadOf(async () => {
      const userId = fromGlobalId(input.userId, 'User', 'userId');
      return { user: UserNode.from(await schoolAdminUsersService.deactivate(ctx, userId, input.expectedRevision)) };
    });
  }
}

/** Revisions of the structure's records, read back as expectedRevision. */
@Resolver(() => TermNode)
export class TermRevisionResolver {
  @FieldResolver(() => Int, { description: 'Revision for optimistic locking; pass it back as expectedRevision' })
  async revision(@Root() t: TermNode, @Ctx() ctx: RequestContext): Promise<number> {
    return (await schoolService.term(ctx, fromGlobalId(t.id, 'Term'))).revision;
  }
}

@Resolver(() => SubjectNode)
export class SubjectRevisionResolver {
  @FieldResolver(() => Int, { description: 'Revision for optimistic locking; pass it back as expectedRevision' })
  async revision(@Root() s: SubjectNode, @Ctx() ctx: RequestContext): Promise<number> {
    return (await schoolService.subject(ctx, fromGlobalId(s.id, 'Subject'))).revision;
  }
}

@Resolver(() => ClassNode)
export class ClassRevisionResolver {
  @FieldResolver(() => Int, { description: 'Revision for optimistic locking; pass it back as expectedRevision' })
  revision(@Root() c: ClassNode): number {
    return c.entity.revision;
  }
}

@Resolver(() => ResearchGroupNode)
export class ResearchGroupRevisionResolver {
  @FieldResolver(() => Int, { description: 'Revision for optimistic locking; pass it back as expectedRevision' })
  revision(@Root() g: ResearchGroupNode): number {
    return g.entity.revision;
  }
}

@Resolver(() => UserNode)
export class UserAccountResolver {
  @FieldResolver(() => Int, { description: 'Revision for optimistic locking; pass it back as expectedRevision' })
  revision(@Root() u: UserNode): number {
    return u.entity.revision;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the account was deactivated (the person left); null while active' })
  deactivatedAt(@Root() u: UserNode): Date | null {
    return u.entity.deactivatedAt;
  }
}

export const SCHOOL_ADMIN_RESOLVERS = [
  SchoolAdminResolver, TermRevisionResolver, SubjectRevisionResolver, ClassRevisionResolver, ResearchGroupRevisionResolver, UserAccountResolver,
] as const;
