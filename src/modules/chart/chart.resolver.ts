import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { STAFF_ROLES } from '../../core/roles';
import { reportService } from '../record-sheet/report.service';
import { recordSheetService } from '../record-sheet/record-sheet.service';
import { chartUrl } from './chart-url';

@Resolver()
export class ChartResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => String, { description: 'URL of the class load report as an SVG chart; valid for 10 minutes, for you' })
  async classLoadChartUrl(@Arg('classId', () => ID) classId: string, @Arg('from') from: string, @Arg('to') to: string, @Ctx() ctx: RequestContext): Promise<string> {
    const id = fromGlobalId(classId, 'Class', 'classId');
    await reportService.checkClassReport(ctx, id);
    return chartUrl({ kind: 'class-load', schoolId: ctx.schoolId, userId: ctx.viewer.userId, params: { classId: id, from, to } }, ctx.config.authTokenSecret);
  }

  @Authorized()
  @Query(() => String, { description: "URL of a student's week as an SVG chart (the student, their parents, staff of the class); valid for 10 minutes" })
  async studentWeekChartUrl(@Arg('studentId', () => ID) studentId: string, @Arg('weekStart') weekStart: string, @Ctx() ctx: RequestContext): Promise<string> {
    const id = fromGlobalId(studentId, 'User', 'studentId');
    await recordSheetService.checkStudentVisible(ctx, id);
    return chartUrl({ kind: 'student-week', schoolId: ctx.schoolId, userId: ctx.viewer.userId, params: { studentId: id, weekStart } }, ctx.config.authTokenSecret);
  }
}
