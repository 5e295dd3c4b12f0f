import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId, toGlobalId } from '../../core/ids';
import { Payload } from '../../core/payload';
import { Role, STAFF_ROLES } from '../../core/roles';
import { classService } from '../class/class.service';
import { ClassNode } from '../class/class.type';
import { schoolService } from '../school/school.service';
import { SubjectNode } from '../school/school.type';
import { userService } from '../user/user.service';
import { UserNode } from '../user/user.type';
import { studentGroupService } from './student-group.service';
import {
  StudentGroupCreateInput, StudentGroupDeleteInput, StudentGroupNode, StudentGroupRenameInput, StudentGroupSetMembersInput,
} from './student-group.type';

const StudentGroupPayload = Payload('group', () => StudentGroupNode, {
  name: 'StudentGroupPayload', description: 'Result of a change to a group of students', fieldDescription: 'The group after the change',
});
type StudentGroupPayload = InstanceType<typeof StudentGroupPayload>;

const StudentGroupDeletePayload = Payload('deletedGroupId', () => ID, {
  name: 'StudentGroupDeletePayload', description: 'Result of deleting a group', fieldDescription: 'The id of the deleted group',
});
type StudentGroupDeletePayload = InstanceType<typeof StudentGroupDeletePayload>;

const studentIdsOf = (ids: string[]) => ids.map((id, i) => fromGlobalId(id, 'User', `studentIds[${i}]`));

@Resolver(() => StudentGroupNode)
export class StudentGroupResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => [StudentGroupNode], { description: 'The groups of students of a class (of one subject if named); staff of the class' })
  async studentGroups(
    @Arg('classId', () => ID) classId: string,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<StudentGroupNode[]> {
    const groups = await studentGroupService.ofClass(ctx, fromGlobalId(classId, 'Class', 'classId'), subjectId ? fromGlobalId(subjectId, 'Subject', 'subjectId') : null);
    return groups.map(StudentGroupNode.from);
  }

  @Authorized(Role.TEACHER)
  @Mutation(() => StudentGroupPayload, { description: 'Make a named group of students of a class you teach the subject to' })
  studentGroupCreate(@Arg('input', () => StudentGroupCreateInput) input: StudentGroupCreateInput, @Ctx() ctx: RequestContext): Promise<StudentGroupPayload> {
    return StudentGroupPayload.of(async () => StudentGroupNode.from(await studentGroupService.create(ctx, {
      classId: fromGlobalId(input.classId, 'Class', 'classId'), subjectId: fromGlobalId(input.subjectId, 'Subject', 'subjectId'),
      name: input.name, studentIds: studentIdsOf(input.studentIds),
    })));
  }

  @Authorized(Role.TEACHER)
  @Mutation(() => StudentGroupPayload, { description: 'Rename a group' })
  studentGroupRename(@Arg('input', () => StudentGroupRenameInput) input: StudentGroupRenameInput, @Ctx() ctx: RequestContext): Promise<StudentGroupPayload> {
    return StudentGroupPayload.of(async () => StudentGroupNode.from(
      await studentGroupService.rename(ctx, fromGlobalId(input.groupId, 'StudentGroup', 'groupId'), input.expectedRevision, input.name)));
  }

  @Authorized(Role.TEACHER)
  @Mutation(() => StudentGroupPayload, { description: "Replace a group's members; students added take on its published homework, checked against the caps" })
  studentGroupSetMembers(@Arg('input', () => StudentGroupSetMembersInput) input: StudentGroupSetMembersInput, @Ctx() ctx: RequestContext): Promise<StudentGroupPayload> {
    return StudentGroupPayload.of(async () => StudentGroupNode.from(await studentGroupService.setMembers(
      ctx, fromGlobalId(input.groupId, 'StudentGroup', 'groupId'), input.expectedRevision, studentIdsOf(input.studentIds))));
  }

  @Authorized(Role.TEACHER)
  @Mutation(() => StudentGroupDeletePayload, { description: 'Delete a group no homework is addressed to' })
  studentGroupDelete(@Arg('input', () => StudentGroupDeleteInput) input: StudentGroupDeleteInput, @Ctx() ctx: RequestContext): Promise<StudentGroupDeletePayload> {
    return StudentGroupDeletePayload.of(async () => toGlobal(await studentGroupService.delete(ctx, fromGlobalId(input.groupId, 'StudentGroup', 'groupId'), input.expectedRevision)));
  }

  @FieldResolver(() => ClassNode, { description: 'The class' })
  async class(@Root() g: StudentGroupNode, @Ctx() ctx: RequestContext): Promise<ClassNode> {
    return ClassNode.from((await classService.byId(ctx, g.entity.classId))!);
  }

  @FieldResolver(() => SubjectNode, { description: 'The subject' })
  async subject(@Root() g: StudentGroupNode, @Ctx() ctx: RequestContext): Promise<SubjectNode> {
    return SubjectNode.from(await schoolService.subject(ctx, g.entity.subjectId));
  }

  @FieldResolver(() => [UserNode], { description: 'The students of the group (reading them is noted in the access log)' })
  async members(@Root() g: StudentGroupNode, @Ctx() ctx: RequestContext): Promise<UserNode[]> {
    const ids = await studentGroupService.members(ctx, g.entity);
    const users = await Promise.all(ids.map((id) => userService.get(ctx, id)));
    return users.sort((a, b) => (a.studentNo ?? '').localeCompare(b.studentNo ?? '') || a.id.localeCompare(b.id)).map(UserNode.from);
  }
}

function toGlobal(id: string): string {
  return toGlobalId('StudentGroup', id);
}
