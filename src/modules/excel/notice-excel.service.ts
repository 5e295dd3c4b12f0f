import ExcelJS from 'exceljs';
import { RequestContext } from '../../core/context';
import { InvalidInputError, NotFoundError } from '../../core/errors';
import { classDayService } from '../assignment/class-day.service';
import { SchoolClass } from '../class/class.entity';
import { schoolService } from '../school/school.service';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const DAY_KINDS: Record<string, string> = { school_day: '上学日', weekend: '周末', holiday: '节假日' };

export class NoticeExcelService {
  /**
   * 作业公示 as a printable workbook: one sheet per class (a class, or every class of a grade),
   * days × subjects with content and minutes, and each day's written total against its cap.
   */
  async exportNotice(ctx: RequestContext, weekStart: string, classId: string | null, grade: number | null): Promise<{ fileName: string; data: Buffer }> {
    if (!classId && !grade) throw new InvalidInputError('classId', 'Name a class or a grade');
    const classes = classId
      ? [await ctx.loaders.classById.load(classId)].filter((c): c is SchoolClass => !!c)
      : await ctx.db.getRepository(SchoolClass).find({ where: { schoolId: ctx.schoolId, grade: grade! }, order: { classNo: 'ASC' } });
    if (!classes.length) throw new NotFoundError('Class', classId ?? `grade ${grade}`);
    const subjects = await schoolService.subjects(ctx);
    const workbook = new ExcelJS.Workbook();
    for (const cls of classes) {
      const notice = await classDayService.weeklyNotice(ctx, cls.id, weekStart);
      const used = subjects.filter((s) => notice.days.some((d) => d.subjects.some((l) => l.plan.assignment.subjectId === s.id)));
      const sheet = workbook.addWorksheet(cls.name.slice(0, 31), { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
      sheet.addRow([`${cls.name} 作业公示（${weekStart} 起一周）`]).font = { bold: true, size: 14 };
      const header = sheet.addRow(['日期', '星期', '类型', ...used.map((s) => s.name), '书面作业合计(分钟)', '上限(分钟)']);
      header.font = { bold: true };
      for (const [i, day] of notice.days.entries()) {
        const cells = used.map((s) => {
          const line = day.subjects.find((l) => l.plan.assignment.subjectId === s.id);
          if (!line) return '';
          return `${line.plan.assignment.title}：${line.plan.items.map((it) => it.title).join('、')}（书面 ${line.lightestWrittenMinutes === line.heaviestWrittenMinutes ? line.heaviestWrittenMinutes : `${line.lightestWrittenMinutes}–${line.heaviestWrittenMinutes}`} 分钟）`;
        });
        const row = sheet.addRow([day.day, `星期${WEEKDAYS[i]}`, DAY_KINDS[day.dayKind] ?? day.dayKind, ...cells, day.heaviestTotalMinutes, day.capMinutes]);
        row.alignment = { wrapText: true, vertical: 'top' };
      }
      sheet.columns.forEach((c, i) => { c.width = i < 3 ? 12 : i < 3 + used.length ? 36 : 16; });
    }
    const name = classId ? classes[0].name : `${grade}年级`;
    return { fileName: `${name}作业公示-${weekStart}.xlsx`, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }
}

export const noticeExcelService = new NoticeExcelService();
