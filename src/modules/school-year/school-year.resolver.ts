import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { Role } from '../../core/roles';
import { payloadOf } from '../../core/user-error';
import { ClassNode } from '../class/class.type';
import { UserNode } from '../user/user.type';
import { SchoolYearRolloverInput } from './school-year.input';
import { RolloverPlan, schoolYearService } from './school-year.service';
import { SchoolYearClassMove, SchoolYearEntryClass, SchoolYearRolloverPayload } from './school-year.type';

@Resolver()
export class SchoolYearResolver {
  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => SchoolYearRolloverPayload, {
    description: 'Roll the school into the next academic year (学年升级, academic office): classes move up a grade as new classes, the top grade graduates, last year stays readable; dryRun reports the plan only',
  })
  schoolYearRollover(@Arg('input', () => SchoolYearRolloverInput) input: SchoolYearRolloverInput, @Ctx() ctx: RequestContext): Promise<SchoolYearRolloverPayload> {
    return payloadOf(async () => {
      const plan = await schoolYearService.rollover(ctx, {
        academicYear: input.academicYear, dryRun: input.dryRun, carryTeaching: input.carryTeachingAssignments ?? true,
        carryHeadTeachers: input.carryHeadTeachers ?? true, entryClasses: input.entryClasses ?? [],
      });
      return payloadOfPlan(ctx, plan);
    });
  }
}

@Resolver(() => UserNode)
export class GraduateResolver {
  @FieldResolver(() => Date, { nullable: true, description: 'When the student graduated at a school-year rollover (the account is closed, the history stays); null otherwise' })
  graduatedAt(@Root() u: UserNode): Date | null {
    return u.entity.graduatedAt;
  }
}

async function payloadOfPlan(ctx: RequestContext, plan: RolloverPlan): Promise<Omit<SchoolYearRolloverPayload, 'userErrors'>> {
  const heads = await ctx.loaders.userById.loadMany(plan.moves.map((m) => m.headTeacherId).filter((id): id is string => !!id));
  const headOf = new Map(heads.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u] as const] : [])));
  return {
    dryRun: plan.dryRun, academicYear: plan.academicYear, previousYear: plan.previousYear,
    classes: plan.moves.map((m) => Object.assign(new SchoolYearClassMove(), {
      from: ClassNode.from(m.from), graduates: !m.name, name: m.name, grade: m.grade, classNo: m.classNo, to: m.to && ClassNode.from(m.to),
      students: m.students, headTeacher: m.headTeacherId && headOf.get(m.headTeacherId) ? UserNode.from(headOf.get(m.headTeacherId)!) : null,
      teachingAssignmentsCarried: m.teachingCarried, teachingAssignmentsDropped: m.teachingDropped,
    })),
    entryClasses: plan.entryClasses.map((e) => Object.assign(new SchoolYearEntryClass(), { name: e.name, class: e.row && ClassNode.from(e.row) })),
    studentsMoved: plan.studentsMoved, graduates: plan.graduates, teachingAssignmentsCarried: plan.teachingCarried,
    teachingAssignmentsDropped: plan.teachingDropped, headTeachersCarried: plan.headTeachersCarried, researchGroupsKept: plan.researchGroupsKept,
  };
}
