import type * as vegaLite from 'vega-lite';
import { RequestContext } from '../../core/context';
import { InvalidInputError, UnauthenticatedError } from '../../core/errors';
import { isoWeekday } from '../../core/dates';
import { reportService } from '../record-sheet/report.service';
import { recordSheetService } from '../record-sheet/record-sheet.service';
import { schoolService } from '../school/school.service';
import { User } from '../user/user.entity';
import { weekDays } from '../weekly-list/weekly-list.policy';
import { ChartClaims, chartUrl } from './chart-url';
import { AuthMessages } from '../auth/auth.errors';
import { RequestErrors } from '../../core/request-errors';

/**
 * Charts where people look rather than read, rendered server-side as SVG with Vega-Lite: per
 * day, predicted and actual minutes by subject, stacked side by side, against the day's cap.
 */
interface Bar { day: string; measure: '预计' | '实际'; subject: string; minutes: number }
interface Cap { day: string; cap: number }

/**
 * The labels are Chinese: the SVG names fonts that have the glyphs, in the order a viewer is
 * likely to have them (Linux, macOS, Windows), so a viewer's generic sans-serif without CJK
 * glyphs does not draw them as empty boxes.
 */
export const CJK_FONT_STACK = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Characters a CJK font draws 1 em wide: CJK ideographs, kana, hangul, full-width punctuation and forms. */
const FULL_WIDTH = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

interface TextMetrics {
  width(item: { fontSize?: number }, text?: unknown): number;
  estimateWidth(item: { fontSize?: number }, text?: unknown): number;
}

/**
 * Vega and Vega-Lite, loaded on the first chart rather than at start (most of the service's work
 * draws none), with the estimate of text widths installed once.
 *
 * Without a canvas package vega lays text out by an estimate of 0.8 em a character, short for
 * Chinese: a title overran the SVG's edge and was cut off. This estimate (vega's extension point,
 * used by vl-convert the same way) keeps 0.8 em for other characters and counts full-width ones
 * at 1 em. Where a canvas measures text, it is left to do so.
 */
let charting: Promise<{ vega: typeof import('vega'); vegaLite: typeof import('vega-lite') }> | undefined;
function loadCharting() {
  charting ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => {
    const textMetrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
    if (textMetrics.width === textMetrics.estimateWidth) {
      textMetrics.width = (item, text) => {
        const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
        let ems = 0;
        for (const ch of String(text ?? '').trim()) ems += FULL_WIDTH.test(ch) ? 1 : 0.8;
        return Math.ceil(ems * size);
      };
    }
    return { vega, vegaLite };
  });
  return charting;
}

async function render(title: string, bars: Bar[], caps: Cap[]): Promise<string> {
  const spec: vegaLite.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    // Each day's band, holding its two bars (预计, 实际) of 56 px each: set for the days, so the caps' ticks agree with the bars' layer.
    width: { step: 140, for: 'position' },
    height: 240,
    datasets: { bars, caps },
    config: { font: CJK_FONT_STACK },
    layer: [
      {
        data: { name: 'bars' },
        mark: 'bar',
        encoding: {
          x: { field: 'day', type: 'ordinal', title: '日期' },
          xOffset: { field: 'measure', sort: ['预计', '实际'] },
          y: { field: 'minutes', type: 'quantitative', aggregate: 'sum', stack: 'zero', title: '分钟' },
          color: { field: 'subject', type: 'nominal', title: '学科' },
          opacity: { field: 'measure', type: 'ordinal', sort: ['预计', '实际'], scale: { domain: ['预计', '实际'], range: [0.45, 1] }, title: '预计 / 实际' },
        },
      },
      {
        data: { name: 'caps' },
        mark: { type: 'tick', color: '#d62728', thickness: 3, size: 50 },
        encoding: { x: { field: 'day', type: 'ordinal' }, y: { field: 'cap', type: 'quantitative' } },
      },
    ],
  };
  const { vega, vegaLite } = await loadCharting();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}

export class ChartService {
  /** A link to the class load chart for the caller, who must be able to read the report. */
  async classLoadUrl(ctx: RequestContext, classId: string, from: string, to: string): Promise<string> {
    await reportService.checkClassReport(ctx, classId);
    return this.signedFor(ctx, 'class-load', { classId, from, to });
  }

  /** A link to a student's week for the caller, who must be able to see the student. */
  async studentWeekUrl(ctx: RequestContext, studentId: string, weekStart: string): Promise<string> {
    await recordSheetService.checkStudentVisible(ctx, studentId);
    return this.signedFor(ctx, 'student-week', { studentId, weekStart });
  }

  /**
   * Signs a link for the caller and their token version, read just after this request's bearer
   * token was checked against it: a later sign-out or password change ends the link. (One that
   * commits between the two reads leaves this link good until it expires.)
   */
  private async signedFor(ctx: RequestContext, kind: ChartClaims['kind'], params: Record<string, string>): Promise<string> {
    const user = await ctx.db.getRepository(User).findOne({ select: { id: true, tokenVersion: true }, where: { schoolId: ctx.schoolId, id: ctx.viewer.userId } });
    if (!user) throw new UnauthenticatedError(AuthMessages.ACCOUNT_GONE);
    return chartUrl({ kind, schoolId: ctx.schoolId, userId: ctx.viewer.userId, ver: user.tokenVersion, params }, ctx.config.authTokenSecret);
  }

  /** The class load report as a chart (same readers as the report). */
  async classLoad(ctx: RequestContext, classId: string, from: string, to: string): Promise<string> {
    const days = await reportService.classLoad(ctx, classId, from, to);
    const subjects = await schoolService.subjects(ctx);
    const name = (id: string) => subjects.find((s) => s.id === id)?.name ?? '';
    const bars = days.flatMap((d) => d.subjects.flatMap((s): Bar[] => [
      { day: d.day.slice(5), measure: '预计', subject: name(s.subjectId), minutes: s.predictedMinutes },
      { day: d.day.slice(5), measure: '实际', subject: name(s.subjectId), minutes: s.actualMinutes ?? 0 },
    ]));
    const cls = await ctx.loaders.classById.load(classId);
    return render(`${cls?.name ?? ''} 每日作业时长（预计 / 实际，红线为书面作业上限）`, bars, days.map((d) => ({ day: d.day.slice(5), cap: d.capMinutes })));
  }

  /** A student's week as a chart (the student, their parents, staff of the class). */
  async studentWeek(ctx: RequestContext, studentId: string, weekStart: string): Promise<string> {
    if (isoWeekday(weekStart) !== 1) throw new InvalidInputError('weekStart', RequestErrors.WEEK_START_NOT_MONDAY);
    const subjects = await schoolService.subjects(ctx);
    const name = (id: string) => subjects.find((s) => s.id === id)?.name ?? '';
    const bars: Bar[] = [];
    const caps: Cap[] = [];
    let student = '';
    for (const day of weekDays(weekStart).slice(0, 5)) {
      const sheet = await recordSheetService.view(ctx, studentId, day);
      student = sheet.student.displayName;
      caps.push({ day: day.slice(5), cap: sheet.capMinutes });
      for (const line of sheet.lines) {
        const subject = name(line.plan.assignment.subjectId);
        bars.push({ day: day.slice(5), measure: '预计', subject, minutes: line.predictedMinutes ?? 0 });
        bars.push({ day: day.slice(5), measure: '实际', subject, minutes: line.actualMinutes ?? 0 });
      }
    }
    return render(`${student} 本周作业时长（预计 / 实际）`, bars, caps);
  }
}

export const chartService = new ChartService();
