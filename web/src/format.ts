import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { HomeworkForm, Tier } from './graphql/graphql';

dayjs.locale('zh-cn');

/** 2026年11月24日 星期二 — how Chinese schools write a day. */
export function formatDay(day: string): string {
  return dayjs(day).format('YYYY年M月D日 dddd');
}

/** 11月24日 星期二 — a day within the current term. */
export function formatShortDay(day: string): string {
  return dayjs(day).format('M月D日 dddd');
}

/** 11月24日 18:00 — a deadline or a hand-in time, in Beijing time. */
export function formatMoment(iso: string): string {
  return dayjs(beijing(new Date(iso))).format('M月D日 HH:mm');
}

/** A Date shifted so that its UTC fields read Beijing wall-clock time. */
function beijing(d: Date): string {
  const shifted = new Date(d.getTime() + 8 * 3600 * 1000);
  return shifted.toISOString().slice(0, 19);
}

/** Today in Beijing (YYYY-MM-DD): the school's day, wherever the device's clock zone is. */
export function todayInBeijing(now: Date = new Date()): string {
  return beijing(now).slice(0, 10);
}

/** A YYYY-MM-DD string, or null when it is not one. */
export function parseDayParam(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? value : null;
}

export const TIER_NAMES: Record<Tier, string> = { BASIC: '基础', IMPROVING: '提高', EXTENDING: '拓展' };
export const TIER_COLORS: Record<Tier, 'green' | 'blue' | 'purple'> = { BASIC: 'green', IMPROVING: 'blue', EXTENDING: 'purple' };

export const FORM_NAMES: Record<HomeworkForm, string> = {
  WRITTEN: '书面',
  ORAL: '口头',
  READING: '阅读',
  PRACTICAL: '实践',
  INQUIRY: '探究',
  FUN: '趣味',
  INDIVIDUAL: '个性化',
  LABOUR: '劳动',
  EXERCISE: '体育锻炼',
};

export const SUBMISSION_STATUS_NAMES = {
  AWAITING_MARK: '待批改',
  MARKED: '已批改',
  CORRECTION_REQUESTED: '待订正',
} as const;

/** States of assignmentOverview, as the service names them. */
export const OVERVIEW_STATE_NAMES: Record<string, string> = {
  not_chosen: '未选择',
  chosen: '已选未交',
  awaiting_mark: '待批改',
  marked: '已批改',
  correction_requested: '待订正',
};

export const FLAG_NAMES: Record<string, string> = {
  WRITTEN_OVER_CAP: '书面作业超时',
  LATE_BEDTIME: '睡得晚',
  SUBJECT_OVERRAN: '单科用时超出预估',
};

export function minutes(n: number): string {
  return `${n} 分钟`;
}

/** A choice key as students see it: 三三三 levels A, B2, B3, C; otherwise a package key. */
export function choiceName(key: string | null | undefined): string {
  const levels: Record<string, string> = { A: 'A 层', B2: 'B 层（基础＋拓展）', B3: 'B 层（基础＋发散）', C: 'C 层' };
  if (!key) return '—';
  return levels[key] ?? `${key} 套餐`;
}

/** Where a hand-in stands, telling a correction waiting for its re-check from a first hand-in. */
export function submissionStateName(status: keyof typeof SUBMISSION_STATUS_NAMES, versions: number): string {
  return status === 'AWAITING_MARK' && versions > 1 ? '订正待复批' : SUBMISSION_STATUS_NAMES[status];
}
