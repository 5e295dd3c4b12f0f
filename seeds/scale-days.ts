import { AssignmentShape, choicesOf } from '../src/modules/assignment/assignment.policy';
import { bedtimeTarget } from '../src/modules/record-sheet/record-sheet.policy';
import { levelOfChoice } from '../src/modules/submission/grading.policy';
import { minutesFor, TEMPLATES } from './bank-templates';
import { ColumnRows, TableSpec } from './bulk';
import { prng, seedId } from './ids';
import { BankSubject, bankUnits, itemIdOf } from './scale-bank';
import { SchoolDay, SchoolYearPlan } from './scale-calendar';
import { homeworkSubjects, Menu, menusFor } from './scale-menus';
import { SchoolFixture } from './school-fixture';

/**
 * School life of the scale seed, one school day at a time: each class's published tiered
 * homework per subject, every student's choice, hand-ins with actual minutes (some late, some
 * missing), the teacher's marks (some pending, some asking for a correction that is handed in
 * again and re-marked), and the daily record sheets with bedtimes, self-arranged study and a few
 * parents' messages answered by the head teacher.
 *
 * Deterministic: every class-day draws from its own PRNG seeded by school, class and date, and
 * every id is a seedId, so a day comes out the same whichever run, chunk or order produces it.
 */
const T = {
  assignments: { table: 'assignments', columns: [['school_id', 'uuid'], ['id', 'uuid'], ['class_id', 'uuid'], ['subject_id', 'uuid'],
    ['teacher_id', 'uuid'], ['day', 'date'], ['due_day', 'date'], ['shape', 'text'], ['title', 'text'], ['status', 'text'], ['revision', 'integer'],
    ['published_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] },
  options: { table: 'assignment_options', columns: [['school_id', 'uuid'], ['assignment_id', 'uuid'], ['key', 'text'], ['name', 'text'],
    ['sort_order', 'smallint']] },
  items: { table: 'assignment_items', columns: [['school_id', 'uuid'], ['assignment_id', 'uuid'], ['option_key', 'text'], ['item_id', 'uuid'],
    ['version_no', 'integer'], ['at_home', 'boolean'], ['sort_order', 'smallint'], ['predicted_minutes', 'smallint']] },
  choices: { table: 'student_choices', columns: [['school_id', 'uuid'], ['assignment_id', 'uuid'], ['student_id', 'uuid'], ['choice', 'text'],
    ['chosen_at', 'timestamptz']] },
  submissions: { table: 'submissions', columns: [['school_id', 'uuid'], ['id', 'uuid'], ['assignment_id', 'uuid'], ['student_id', 'uuid'],
    ['choice', 'text'], ['status', 'text'], ['late', 'boolean'], ['version_no', 'integer'], ['revision', 'integer'],
    ['submitted_at', 'timestamptz'], ['last_submitted_at', 'timestamptz']] },
  versions: { table: 'submission_versions', columns: [['school_id', 'uuid'], ['submission_id', 'uuid'], ['version_no', 'integer'],
    ['student_id', 'uuid'], ['answer', 'text'], ['actual_minutes', 'smallint'],
    ['submitted_at', 'timestamptz']] },
  marks: { table: 'marks', columns: [['school_id', 'uuid'], ['id', 'uuid'], ['submission_id', 'uuid'], ['version_no', 'integer'],
    ['marked_by', 'uuid'], ['level', 'text'], ['quality', 'text'], ['comment', 'text'], ['face_to_face', 'boolean'],
    ['correction_requested', 'boolean'], ['marked_at', 'timestamptz']] },
  sheets: { table: 'record_sheets', columns: [['school_id', 'uuid'], ['id', 'uuid'], ['student_id', 'uuid'], ['class_id', 'uuid'],
    ['day', 'date'], ['self_study_content', 'text'], ['self_study_minutes', 'smallint'], ['bedtime', 'text'], ['filled_at', 'timestamptz'],
    ['read_at', 'timestamptz'], ['read_by', 'uuid'], ['revision', 'integer']] },
  messages: { table: 'record_sheet_messages', columns: [['school_id', 'uuid'], ['id', 'uuid'], ['student_id', 'uuid'], ['day', 'date'],
    ['author_id', 'uuid'], ['body', 'text'], ['created_at', 'timestamptz'], ['reply', 'text'], ['replied_by', 'uuid'], ['replied_at', 'timestamptz']] },
  entries: { table: 'record_sheet_entries', columns: [['school_id', 'uuid'], ['sheet_id', 'uuid'], ['assignment_id', 'uuid'],
    ['actual_minutes', 'smallint']] },
} satisfies Record<string, TableSpec>;

export type DayTable = keyof typeof T;
/** Insert order: parents before children. */
export const DAY_TABLES = Object.keys(T) as DayTable[];
export type DayRows = Record<DayTable, ColumnRows>;

export function emptyDayRows(): DayRows {
  return Object.fromEntries(DAY_TABLES.map((t) => [t, new ColumnRows(T[t])])) as DayRows;
}

const COMMENTS = {
  plus: ['书写工整，思路清晰，继续保持！', '完成得又快又好，方法很巧妙！', '表达生动有条理，值得全班学习。', '有自己的思考，非常棒！'],
  plain: ['完成认真，个别地方再细心一些。', '方法正确，计算再仔细些。', '内容完整，书写还可以更工整。', '有进步！注意审题。', '表达清楚，继续努力。'],
  minus: ['审题不够仔细，请对照例题再想一想。', '步骤不完整，明天课上我们一起看看。', '字迹潦草，请放慢速度认真书写。', '有几处错误，请订正后再交。'],
};
const ANSWERS: Record<BankSubject, string> = {
  chinese: '（纸质作业，已按时交给老师）',
  math: '（作业本已交，计算过程写在本子上）',
  english: '（书面部分已交，口头部分课上展示）',
};
const SELF_STUDY = ['课外阅读', '练字', '英语听力', '整理错题', '阅读《西游记》', '背古诗', '科学小实验', '画画', '跳绳锻炼'];
const MESSAGES = ['孩子今天作业完成得比较顺利。', '孩子今天数学作业用时较长，请老师关注一下。', '孩子睡得有点晚，我们会督促早睡。',
  '孩子说今天的拓展作业很有意思。', '孩子今天有点咳嗽，作业做得慢了些。', '请问明天需要带什么材料？'];
const REPLIES = ['收到，谢谢家长的反馈。', '好的，我明天课上关注一下孩子。', '谢谢您的配合，请注意让孩子按时休息。', '收到，已转告科任老师。'];

interface StudentTraits {
  id: string;
  parentId: string | null;
  /** 0–1: how far the student usually reaches; choices drift around it. */
  ability: number;
  /** Multiplies predicted minutes. */
  pace: number;
  missRate: number;
  bedtimeOffset: number;
  phase: number;
  selfStudy: number;
  parentChat: number;
}

interface ClassPlan {
  id: string;
  grade: number;
  classNo: number;
  headTeacherId: string;
  bedtimeTarget: number;
  students: StudentTraits[];
  subjects: { code: BankSubject; subjectId: string; teacherId: string; menus: Menu[] }[];
}

/** What the generator needs of one school, worked out once. */
export interface SchoolPlan {
  fixture: SchoolFixture;
  calendar: SchoolYearPlan;
  classes: ClassPlan[];
}

/** FNV-1a: a fast 32-bit hash of a string, to seed the per-class-day PRNG. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(Math.floor(m) % 60).padStart(2, '0')}`;

export function planSchool(f: SchoolFixture, calendar: SchoolYearPlan, wakeUpTime = '06:30'): SchoolPlan {
  const parentOf = new Map(f.parentLinks.map((l) => [l.studentId, l.parentId]));
  const classes = f.classes.map((c): ClassPlan => {
    const students = f.users.filter((u) => u.classId === c.id).map((u): StudentTraits => {
      const r = prng(hash32(u.id));
      const ability = clamp(0.5 + (r() + r() + r() - 1.5) * 0.45, 0.02, 0.98);
      return {
        id: u.id, parentId: parentOf.get(u.id) ?? null, ability,
        pace: 0.75 + r() * 0.45 + (0.5 - ability) * 0.2,
        missRate: 0.005 + r() * r() * 0.08,
        bedtimeOffset: Math.round(-40 + r() * 60),
        phase: r() * 2 * Math.PI,
        selfStudy: r() * 0.6,
        parentChat: r() * r() * 0.1,
      };
    });
    const target = bedtimeTarget(wakeUpTime, c.grade);
    return {
      id: c.id, grade: c.grade, classNo: c.classNo, headTeacherId: c.headTeacherId, students,
      bedtimeTarget: Number(target.slice(0, 2)) * 60 + Number(target.slice(3, 5)),
      subjects: homeworkSubjects(c.grade).map((code) => {
        const subjectId = f.subjects.find((s) => s.code === code)!.id;
        const teacherId = f.teaching.find((t) => t.classId === c.id && t.subjectId === subjectId)!.teacherId;
        return { code, subjectId, teacherId, menus: menusFor(code, c.grade) };
      }),
    };
  });
  return { fixture: f, calendar, classes };
}

export const assignmentIdOf = (code: string, classId: string, day: string, subject: string) => seedId(code, 'scale', 'assignment', classId, day, subject);

/** The ids of the assignments the days will have; a chunk whose ids all exist is already loaded. */
export function assignmentIdsOf(plan: SchoolPlan, days: SchoolDay[]): string[] {
  const code = plan.fixture.spec.code;
  return days.flatMap(({ day }) => plan.classes.flatMap((c) => c.subjects.map((s) => assignmentIdOf(code, c.id, day, s.code))));
}

/** Instants are written as ISO strings; a school's clock is Beijing time. */
const beijing = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00+08:00`) + Math.round(minutes * 60000)).toISOString();

/** Which of the term's units is taught on the day: the syllabus moves evenly through the term. */
export function unitIndexOn(sd: SchoolDay, unitCount: number): number {
  return Math.min(unitCount - 1, Math.floor((sd.indexInTerm / Math.max(1, sd.daysInTerm)) * unitCount));
}

interface Handed {
  assignmentId: string;
  actualMinutes: number;
  predictedMinutes: number;
}

/** Appends one school day of every class to `rows`. */
export function generateDay(plan: SchoolPlan, sd: SchoolDay, rows: DayRows): void {
  const f = plan.fixture;
  const s = f.schoolId;
  const code = f.spec.code;
  const { day } = sd;
  const nextDay = plan.calendar.nextSchoolDay(day);
  const dayAfter = plan.calendar.nextSchoolDay(nextDay);
  const ordinal = Date.parse(`${day}T00:00:00Z`) / 86400000;
  const termProgress = sd.indexInTerm / Math.max(1, sd.daysInTerm);

  for (const c of plan.classes) {
    const random = prng(hash32(`${code}|${c.id}|${day}`));
    const pick = <X>(xs: readonly X[]) => xs[Math.floor(random() * xs.length)];
    const absent = new Set(c.students.filter(() => random() < 0.012).map((st) => st.id));
    const handed = new Map<string, Handed[]>();

    c.subjects.forEach((subject, si) => {
      const units = bankUnits(code, sd.term, subject.code, c.grade);
      const unitAt = unitIndexOn(sd, units.length);
      const { id: unitId, unit } = units[unitAt];
      const topic = Math.min(unit.topics.length - 1, Math.floor((termProgress * units.length - unitAt) * unit.topics.length));
      const menu = subject.menus[(sd.indexInTerm + c.classNo + si) % subject.menus.length];
      const templates = TEMPLATES[subject.code];

      const aId = assignmentIdOf(code, c.id, day, subject.code);
      const publishedAt = 15 * 60 + 30 + random() * 90;
      rows.assignments.push(s, aId, c.id, subject.subjectId, subject.teacherId, day, day, menu.shape, `${unit.title}·${unit.topics[topic]}`,
        'published', 2, beijing(day, publishedAt), beijing(day, publishedAt - 20 - random() * 100), beijing(day, publishedAt));
      const optionMinutes = new Map<string, number>();
      const composition = new Set<string>();
      menu.options.forEach((o, oi) => {
        rows.options.push(s, aId, o.key, o.name, oi + 1);
        let minutes = 0;
        o.items.forEach((item, ii) => {
          const tpl = templates[item.template];
          const predicted = minutesFor(tpl, c.grade);
          minutes += predicted;
          if (tpl.composition) composition.add(o.key);
          rows.items.push(s, aId, o.key, itemIdOf(code, unitId, item.template, topic), 1, item.atHome, ii + 1, predicted);
        });
        optionMinutes.set(o.key, minutes);
      });
      const choices = choicesOf(menu.shape, menu.options);
      const packagesOffered = menu.options.length;

      for (const st of c.students) {
        if (absent.has(st.id)) continue;
        // Choices drift: a slow wave per student, a little growth over the term, daily noise.
        const ambition = st.ability + 0.12 * Math.sin((2 * Math.PI * ordinal) / 45 + st.phase + si) + 0.08 * termProgress + (random() - 0.5) * 0.3;
        const choice = menu.shape === AssignmentShape.THREE_PART
          ? (ambition > 0.75 ? 'A' : ambition > 0.45 ? (random() < 0.6 ? 'B2' : 'B3') : 'C')
          : packagesOffered >= 3 ? (ambition > 0.75 ? 'C' : ambition > 0.45 ? 'B' : 'A') : (ambition > 0.55 ? 'B' : 'A');
        rows.choices.push(s, aId, st.id, choice, beijing(day, publishedAt + 10 + random() * 140));
        if (random() < st.missRate) continue;

        const keys = choices.find((x) => x.key === choice)!.optionKeys;
        const predicted = keys.reduce((sum, k) => sum + optionMinutes.get(k)!, 0);
        const overrun = random() < 0.03 ? 1.6 + random() * 0.6 : 1;
        const actual = clamp(Math.round(predicted * st.pace * (0.8 + random() * 0.4) * overrun), 1, 600);
        const late = random() < 0.04;
        const submittedAt = late ? beijing(nextDay, 9 * 60 + random() * 150) : beijing(day, 18 * 60 + 30 + random() * (c.grade >= 7 ? 195 : 165));
        const subId = seedId(code, 'scale', 'submission', aId, st.id);
        rows.versions.push(s, subId, 1, st.id, ANSWERS[subject.code], actual, submittedAt);
        (handed.get(st.id) ?? handed.set(st.id, []).get(st.id)!).push({ assignmentId: aId, actualMinutes: actual, predictedMinutes: predicted });

        const level = levelOfChoice(menu.shape, choice);
        if (random() < 0.025) {
          rows.submissions.push(s, subId, aId, st.id, choice, 'awaiting_mark', late, 1, 1, submittedAt, submittedAt);
          continue;
        }
        // The hardest choice is marked a little more strictly.
        const hardest = menu.shape === AssignmentShape.THREE_PART ? choice === 'A' : choice === menu.options[packagesOffered - 1].key;
        const score = st.ability + (random() - 0.5) * 0.5 - (hardest ? 0.05 : 0);
        const quality = score > 0.72 ? 'plus' : score < 0.3 ? 'minus' : 'plain';
        const correction = random() < 0.03 + (1 - st.ability) * 0.06;
        const faceToFace = random() < (correction ? 0.5 : 0.05 * (1 - st.ability));
        // Handed in by the evening: marked the next school day; late: marked the day it came in. Compositions may take a few days.
        const markDay = late ? nextDay : keys.some((k) => composition.has(k)) && random() < 0.3 ? dayAfter : nextDay;
        const markedAt = beijing(markDay, (late ? 13 * 60 : 8 * 60 + 30) + random() * 240);
        rows.marks.push(s, seedId(code, 'scale', 'mark', subId, 1), subId, 1, subject.teacherId, level, quality,
          correction ? pick(COMMENTS.minus) : pick(COMMENTS[quality]), faceToFace, correction, markedAt);
        if (!correction) {
          rows.submissions.push(s, subId, aId, st.id, choice, 'marked', late, 1, 2, submittedAt, submittedAt);
        } else if (random() < 0.65) {
          // 纠必复批: the correction comes in that evening and is re-marked the next school day.
          const correctedAt = beijing(markDay, 18 * 60 + 30 + random() * 120);
          rows.versions.push(s, subId, 2, st.id, '（已订正）', clamp(Math.round(actual * 0.25), 2, 30), correctedAt);
          rows.marks.push(s, seedId(code, 'scale', 'mark', subId, 2), subId, 2, subject.teacherId, level, quality === 'plus' ? 'plus' : 'plain',
            '订正认真，掌握了！', false, false, beijing(plan.calendar.nextSchoolDay(markDay), 8 * 60 + 30 + random() * 180));
          rows.submissions.push(s, subId, aId, st.id, choice, 'marked', late, 2, 4, submittedAt, correctedAt);
        } else {
          rows.submissions.push(s, subId, aId, st.id, choice, 'correction_requested', late, 1, 2, submittedAt, submittedAt);
        }
      }
    });

    for (const st of c.students) {
      if (absent.has(st.id) || random() >= 0.93) continue; // not every sheet gets filled
      const sheetId = seedId(code, 'scale', 'sheet', st.id, day);
      const lines = handed.get(st.id) ?? [];
      const lateNight = random() < 0.04 ? 30 + random() * 40 : 0;
      const bedMinutes = clamp(c.bedtimeTarget - 10 + st.bedtimeOffset + random() * 35 + lateNight, 19 * 60 + 30, 23 * 60 + 59);
      const filledAt = beijing(day, bedMinutes - 10 - random() * 30);
      const studied = random() < st.selfStudy;
      const overran = lines.some((l) => l.actualMinutes > l.predictedMinutes * 1.5);
      const messaged = st.parentId !== null && random() < st.parentChat + (overran ? 0.15 : 0);
      const message = messaged ? (overran ? MESSAGES[1] : pick(MESSAGES)) : null;
      const read = random() < 0.9;
      const readAt = read ? beijing(nextDay, 7 * 60 + 30 + random() * 270) : null;
      const replied = read && messaged;
      rows.sheets.push(s, sheetId, st.id, c.id, day, studied ? pick(SELF_STUDY) : null, studied ? pick([10, 15, 20, 30, 40]) : null, hhmm(bedMinutes),
        filledAt, readAt, read ? c.headTeacherId : null, 1 + Number(messaged) + Number(read) + Number(replied));
      if (messaged) {
        rows.messages.push(s, seedId(code, 'scale', 'message', st.id, day), st.id, day, st.parentId, message,
          beijing(day, bedMinutes + 5 + random() * 25), replied ? pick(REPLIES) : null, replied ? c.headTeacherId : null,
          replied ? new Date(Date.parse(readAt!) + (2 + random() * 18) * 60000).toISOString() : null);
      }
      for (const l of lines) rows.entries.push(s, sheetId, l.assignmentId, l.actualMinutes);
    }
  }
}
