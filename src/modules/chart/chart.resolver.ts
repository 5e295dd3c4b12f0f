import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { STAFF_ROLES } from '../../core/roles';
import { LocalDate } from '../../core/scalars';
import { chartService } from './chart.service';

@Resolver()
export class ChartResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => String, { description: 'URL of the class load report as an SVG chart; valid for 10 minutes, for you' })
  async classLoadChartUrl(@Arg('classId', () => ID) classId: string, @Arg('from', () => LocalDate) from: string, @Arg('to', () => LocalDate) to: string, @Ctx() ctx: RequestContext): Promise<string> {
    return chartService.classLoadUrl(ctx, fromGlobalId(classId, 'Class', 'classId'), from, to);
  }

  @Authorized()
  @Query(() => String, { description: "URL of a student's week as an SVG chart (the student, their parents, staff of the class); valid for 10 minutes" })
  async studentWeekChartUrl(@Arg('studentId', () => ID) studentId: string, @Arg('weekStart', () => LocalDate) weekStart: string, @Ctx() ctx: RequestContext): Promise<string> {
    return chartService.studentWeekUrl(ctx, fromGlobalId(studentId, 'User', 'studentId'), weekStart);
  }
}
