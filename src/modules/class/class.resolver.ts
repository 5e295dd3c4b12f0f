import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Role, STAFF_ROLES } from '../../core/roles';
import { Payload } from '../../core/payload';
import { schoolService } from '../school/school.service';
import { SubjectNode } from '../school/school.type';
import { userService } from '../user/user.service';
import { UserNode } from '../user/user.type';
import { ClassHeadTeacherSetInput } from './class.input';
import { classService } from './class.service';
import { ClassNode, TeachingAssignmentNode } from './class.type';

const ClassHeadTeacherSetPayload = Payload('class', () => ClassNode, {
  name: 'ClassHeadTeacherSetPayload', description: 'Result of appointing a head teacher', fieldDescription: 'The class, with its new head teacher',
});
type ClassHeadTeacherSetPayload = InstanceType<typeof ClassHeadTeacherSetPayload>;

@Resolver(() => ClassNode)
export class ClassResolver {
  @Authorized()
  @Query(() => [ClassNode], { description: 'Classes you work with (all of them for the academic office)' })
  async classes(
    @Arg('grade', () => Int, { nullable: true, description: 'Only this grade' }) grade: number | null,
    @Arg('includeArchived', () => Boolean, { defaultValue: false, description: 'Also classes archived at a school-year rollover (academic office)' }) includeArchived: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<ClassNode[]> {
    return (await classService.list(ctx, grade, includeArchived)).map(ClassNode.from);
  }

  @Authorized()
  @Query(() => ClassNode, { description: 'A class you may see' })
  async class(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ClassNode> {
    return ClassNode.from(await classService.get(ctx, fromGlobalId(id, 'Class')));
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => ClassHeadTeacherSetPayload, { description: 'Appoint the head teacher of a class (academic office)' })
  classHeadTeacherSet(
    @Arg('input', () => ClassHeadTeacherSetInput) input: ClassHeadTeacherSetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClassHeadTeacherSetPayload> {
    return ClassHeadTeacherSetPayload.of(async () => {
      const classId = fromGlobalId(input.classId, 'Class', 'classId');
      const teacherId = fromGlobalId(input.teacherId, 'User', 'teacherId');
      return ClassNode.from(await classService.setHeadTeacher(ctx, { classId, teacherId }));
    });
  }

  @FieldResolver(() => UserNode, { nullable: true, description: 'The head teacher (班主任)' })
  async headTeacher(@Root() c: ClassNode, @Ctx() ctx: RequestContext): Promise<UserNode | null> {
    const user = await classService.headTeacher(ctx, c.entity);
    return user && UserNode.from(user);
  }

  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => [UserNode], { description: 'Students of the class (staff who work with it)' })
  async students(@Root() c: ClassNode, @Ctx() ctx: RequestContext): Promise<UserNode[]> {
    return (await classService.students(ctx, c.entity)).map(UserNode.from);
  }

  @FieldResolver(() => [TeachingAssignmentNode], { description: 'Who teaches which subject to this class' })
  async teachingAssignments(@Root() c: ClassNode, @Ctx() ctx: RequestContext): Promise<TeachingAssignmentNode[]> {
    return (await classService.teachingOfClass(ctx, c.entity)).map(TeachingAssignmentNode.from);
  }
}

@Resolver(() => TeachingAssignmentNode)
export class TeachingAssignmentResolver {
  @FieldResolver(() => UserNode, { description: 'The teacher' })
  async teacher(@Root() t: TeachingAssignmentNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, t.entity.teacherId));
  }

  @FieldResolver(() => ClassNode, { description: 'The class' })
  async class(@Root() t: TeachingAssignmentNode, @Ctx() ctx: RequestContext): Promise<ClassNode> {
    return ClassNode.from((await classService.byId(ctx, t.entity.classId))!);
  }

  @FieldResolver(() => SubjectNode, { description: 'The subject' })
  async subject(@Root() t: TeachingAssignmentNode, @Ctx() ctx: RequestContext): Promise<SubjectNode> {
    return SubjectNode.from(await schoolService.subject(ctx, t.entity.subjectId));
  }
}

/** The fields of a user that are classes: they live here, with the classes. */
@Resolver(() => UserNode)
export class UserClassesResolver {
  @FieldResolver(() => ClassNode, { nullable: true, description: "A student's class; null for others" })
  async class(@Root() user: UserNode, @Ctx() ctx: RequestContext): Promise<ClassNode | null> {
    const c = await classService.byId(ctx, user.entity.classId);
    return c && ClassNode.from(c);
  }

  @FieldResolver(() => [TeachingAssignmentNode], { description: 'Classes and subjects a teacher teaches' })
  async teachingAssignments(@Root() user: UserNode, @Ctx() ctx: RequestContext): Promise<TeachingAssignmentNode[]> {
    return (await classService.teachingOfTeacher(ctx, user.entity.id)).map(TeachingAssignmentNode.from);
  }

  @FieldResolver(() => [ClassNode], { description: 'Classes this user is head teacher (班主任) of' })
  async headTeacherOf(@Root() user: UserNode, @Ctx() ctx: RequestContext): Promise<ClassNode[]> {
    return (await classService.headClassesOf(ctx, user.entity.id)).map(ClassNode.from);
  }
}
