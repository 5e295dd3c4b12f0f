import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Connection, PageArgs } from '../../core/pagination';
import { Role } from '../../core/roles';
import { Payload } from '../../core/payload';
import { UserNode } from '../user/user.type';
import { AccessLogRow, privacyService } from './privacy.service';

@ObjectType('AccessLogEntry', { description: "A read of a student's personal data by staff" })
class AccessLogEntryNode {
  @Field({ description: 'What was read: submission, record_sheet, tier_choice, assignment_overview or student_export' }) resource!: string;
  @Field({ description: 'Which record: a submission id, a record sheet\'s day, an assignment id (choices, overviews), or all (an export)' }) resourceId!: string;
  @Field({ description: 'When' }) at!: Date;
  row!: AccessLogRow;
}

const AccessLogConnection = Connection(AccessLogEntryNode, 'AccessLog');

@ArgsType()
class AccessLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only reads of this student' }) @IsOptional() studentId?: string | null;
}

const ConsentPayload = Payload('student', () => UserNode, {
  name: 'ConsentPayload', description: 'Result of a consent change', fieldDescription: 'The student',
});
type ConsentPayload = InstanceType<typeof ConsentPayload>;

const StudentDataDeletePayload = Payload('deleted', () => Boolean, {
  name: 'StudentDataDeletePayload', description: "Result of deleting a student's data", fieldDescription: 'True when the data is gone',
  whenRefused: false,
});
type StudentDataDeletePayload = InstanceType<typeof StudentDataDeletePayload>;

@Resolver(() => AccessLogEntryNode)
export class PrivacyResolver {
  @Authorized(Role.ACADEMIC_OFFICE)
  @Query(() => AccessLogConnection, { description: "Who read which student's personal data, newest first (academic office)" })
  async accessLog(@Args(() => AccessLogArgs) args: AccessLogArgs, @Ctx() ctx: RequestContext) {
    const page = await privacyService.accessLog(ctx, args.studentId ? fromGlobalId(args.studentId, 'User', 'studentId') : null, args.first, args.after);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: Object.assign(new AccessLogEntryNode(), { resource: e.node.resource, resourceId: e.node.resource_id, at: e.node.at, row: e.node }) })) };
  }

  @Authorized(Role.PARENT, Role.ACADEMIC_OFFICE)
  @Query(() => String, { description: 'Everything the service holds about one student, as JSON (their guardian or the academic office)' })
  async studentDataExport(@Arg('studentId', () => ID) studentId: string, @Ctx() ctx: RequestContext): Promise<string> {
    return JSON.stringify(await privacyService.exportStudent(ctx, fromGlobalId(studentId, 'User', 'studentId')));
  }

  @Authorized(Role.PARENT)
  @Mutation(() => ConsentPayload, { description: "Give or withdraw consent to keeping your child's personal data" })
  guardianConsentSet(@Arg('studentId', () => ID) studentId: string, @Arg('given') given: boolean, @Ctx() ctx: RequestContext): Promise<ConsentPayload> {
    return ConsentPayload.of(async () => UserNode.from(await privacyService.setConsent(ctx, fromGlobalId(studentId, 'User', 'studentId'), given)));
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => StudentDataDeletePayload, { description: "Delete a student and their personal data at their guardian's request; only anonymous aggregates stay" })
  studentDataDelete(@Arg('studentId', () => ID) studentId: string, @Ctx() ctx: RequestContext): Promise<StudentDataDeletePayload> {
    return StudentDataDeletePayload.of(async () => (await privacyService.deleteStudent(ctx, fromGlobalId(studentId, 'User', 'studentId')), true));
  }

  @FieldResolver(() => UserNode, { description: 'Who read it' })
  async actor(@Root() e: AccessLogEntryNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from((await ctx.loaders.userById.load(e.row.actor_id))!);
  }

  @FieldResolver(() => UserNode, { description: 'Whose record it was' })
  async student(@Root() e: AccessLogEntryNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from((await ctx.loaders.userById.load(e.row.student_id))!);
  }
}
