import { EntityManager } from 'typeorm';
import { addDays, isoWeekday } from '../src/core/dates';
import { refreshCalibrations } from '../src/modules/calibration/calibration.service';
import { TEMPLATES } from './bank-templates';
import { UNITS } from './bank-content';
import { prng, seedId } from './ids';
import { insertRows, SchoolFixture } from './school-fixture';

/**
 * Two weeks of school life for two demo classes (五年级(1)班 and 八年级(1)班): published tiered
 * homework in 语文, 数学 and 英语 every school day, students' choices drifting between tiers,
 * submissions with actual minutes, marks, record sheets with bedtimes, a few parent messages —
 * so the reports show something on a fresh start. Deterministic and idempotent.
 */
export const ACTIVITY_FROM = '2026-11-09';
export const ACTIVITY_DAYS = 14;

const QUALITIES = ['plus', 'plain', 'plain', 'plain', 'minus'] as const;
const COMMENTS = ['书写工整，思路清晰，继续保持！', '完成认真，个别地方再细心一些。', '有进步！注意审题。', '方法正确，计算再仔细些。', '表达生动，继续努力。'];
const MESSAGES = ['孩子今天作业完成得比较顺利。', '数学作业用时较长，请老师关注。', '孩子睡得有点晚，我们会督促早睡。'];

export async function insertDemoActivity(tx: EntityManager, f: SchoolFixture): Promise<void> {
  const s = f.schoolId;
  const id = (...parts: (string | number)[]) => seedId(f.spec.code, 'activity', ...parts);
  // Seeded once: if its first assignment exists, the activity is there (and may have been used since).
  const firstClass = f.classes.find((c) => c.grade === 5 && c.classNo === 1);
  if (firstClass && (await tx.query(`SELECT 1 FROM assignments WHERE school_id = $1 AND id = $2`, [s, id('assignment', firstClass.id, ACTIVITY_FROM, 'chinese')])).length) return;
  const random = prng(20261109);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const rows = { assignments: [] as unknown[][], options: [] as unknown[][], items: [] as unknown[][], choices: [] as unknown[][],
    submissions: [] as unknown[][], versions: [] as unknown[][], marks: [] as unknown[][], sheets: [] as unknown[][], entries: [] as unknown[][], messages: [] as unknown[][] };
  const assignmentIds: string[] = [];

  for (const grade of [5, 8]) {
    const cls = f.classes.find((c) => c.grade === grade && c.classNo === 1);
    if (!cls) continue;
    const students = f.users.filter((u) => u.classId === cls.id);
    const factor = grade >= 7 ? 1.5 : 1.25;
    const target = grade >= 7 ? 21 * 60 + 30 : 20 * 60 + 30;
    for (let d = 0; d < ACTIVITY_DAYS; d++) {
      const day = addDays(ACTIVITY_FROM, d);
      if (isoWeekday(day) >= 6) continue;
      const week = d < 7 ? 0 : 1;
      const sheetLines = new Map<string, { assignmentId: string; minutes: number }[]>();
      for (const subject of ['chinese', 'math', 'english'] as const) {
        const subjectRow = f.subjects.find((x) => x.code === subject)!;
        const teacher = f.teaching.find((t) => t.classId === cls.id && t.subjectId === subjectRow.id)!.teacherId;
        const unit = UNITS.filter((u) => u.subject === subject && u.grade === grade)[d % 3];
        const unitId = seedId(f.spec.code, 'bank', 'unit', subject, grade, unit.order);
        const topic = d % unit.topics.length;
        const templates = TEMPLATES[subject];
        const itemOf = (ti: number) => ({ itemId: seedId(f.spec.code, 'bank', 'item', unitId, ti, topic), minutes: Math.round(templates[ti].minutes * factor), written: templates[ti].form === 'written' });
        const threePart = subject === 'math';
        // Packages: A basic written, B improving written. 三三三: 1 basic, 2 improving, 3 extending.
        const parts = threePart
          ? [{ key: '1', name: '基础作业', item: itemOf(0) }, { key: '2', name: '拓展作业', item: itemOf(3) }, { key: '3', name: '发散作业', item: itemOf(7) }]
          : [{ key: 'A', name: 'A 套餐', item: itemOf(1) }, { key: 'B', name: 'B 套餐', item: itemOf(3) }];
        const aId = id('assignment', cls.id, day, subject);
        assignmentIds.push(aId);
        rows.assignments.push([s, aId, cls.id, subjectRow.id, teacher, day, day, threePart ? 'three_part' : 'packages', `${unit.title}·${unit.topics[topic]}`, 'published', 2, new Date(`${day}T09:00:00Z`)]);
        parts.forEach((p, i) => {
          rows.options.push([s, aId, p.key, p.name, i + 1]);
          rows.items.push([s, aId, p.key, p.item.itemId, 1, true, 1, p.item.minutes]);
        });
        const minutesOf = (choice: string) => {
          const keys = threePart ? { A: ['1', '2', '3'], B2: ['1', '2'], B3: ['1', '3'], C: ['1'] }[choice]! : [choice];
          return parts.filter((p) => keys.includes(p.key)).reduce((sum, p) => sum + p.item.minutes, 0);
        };
        for (const [n, student] of students.entries()) {
          // Week two: more students try the harder tier.
          const ambition = (n % 5) / 5 + week * 0.2;
          const choice = threePart ? (ambition > 0.8 ? 'A' : ambition > 0.5 ? pick(['B2', 'B3']) : 'C') : ambition > 0.55 ? 'B' : 'A';
          rows.choices.push([s, aId, student.id, choice, new Date(`${day}T10:00:00Z`)]);
          if (random() < 0.06) continue; // a few did not hand it in
          const predicted = minutesOf(choice);
          const actual = Math.max(3, Math.round(predicted * (0.8 + random() * 0.7)));
          const late = random() < 0.05;
          const subId = id('submission', aId, student.id);
          const submittedAt = new Date(`${addDays(day, late ? 1 : 0)}T${late ? '03' : '12'}:${String(10 + (n % 40)).padStart(2, '0')}:00Z`);
          const level = threePart ? choice.charAt(0) : choice;
          const correction = random() < 0.05;
          rows.submissions.push([s, subId, aId, student.id, choice, correction ? 'correction_requested' : 'marked', late, 1, 2, submittedAt, submittedAt]);
          rows.versions.push([s, subId, 1, student.id, '（纸质作业，已当面交给老师）', actual, submittedAt]);
          rows.marks.push([s, id('mark', subId), subId, 1, teacher, level, pick(QUALITIES), pick(COMMENTS), random() < 0.1, correction, new Date(submittedAt.getTime() + 6 * 3600 * 1000)]);
          sheetLines.set(student.id, [...(sheetLines.get(student.id) ?? []), { assignmentId: aId, minutes: actual }]);
        }
      }
      for (const [n, student] of students.entries()) {
        if (random() < 0.08) continue; // not every sheet gets filled
        const sheetId = id('sheet', student.id, day);
        const bedMinutes = target - 40 + Math.floor(random() * 60) + (n % 7 === 0 ? 45 : 0);
        const bedtime = `${String(Math.floor(bedMinutes / 60) % 24).padStart(2, '0')}:${String(bedMinutes % 60).padStart(2, '0')}`;
        const message = random() < 0.05 ? pick(MESSAGES) : null;
        const read = d < 7;
        rows.sheets.push([s, sheetId, student.id, cls.id, day, random() < 0.3 ? '课外阅读' : null, random() < 0.3 ? 20 : null, bedtime,
          new Date(`${day}T13:30:00Z`), read ? new Date(`${addDays(day, 1)}T00:30:00Z`) : null, read ? cls.headTeacherId : null, 2]);
        if (message) {
          rows.messages.push([s, id('message', student.id, day), student.id, day, f.parentLinks.find((l) => l.studentId === student.id)?.parentId ?? null,
            message, new Date(`${day}T13:40:00Z`), read ? '收到，谢谢家长的反馈。' : null, read ? cls.headTeacherId : null,
            read ? new Date(`${addDays(day, 1)}T00:35:00Z`) : null]);
        }
        for (const line of sheetLines.get(student.id) ?? []) rows.entries.push([s, sheetId, line.assignmentId, line.minutes]);
      }
    }
  }

  await insertRows(tx, 'assignments', ['school_id', 'id', 'class_id', 'subject_id', 'teacher_id', 'day', 'due_day', 'shape', 'title', 'status', 'revision', 'published_at'], rows.assignments);
  await insertRows(tx, 'assignment_options', ['school_id', 'assignment_id', 'key', 'name', 'sort_order'], rows.options);
  await insertRows(tx, 'assignment_items', ['school_id', 'assignment_id', 'option_key', 'item_id', 'version_no', 'at_home', 'sort_order', 'predicted_minutes'], rows.items);
  await insertRows(tx, 'student_choices', ['school_id', 'assignment_id', 'student_id', 'choice', 'chosen_at'], rows.choices);
  await insertRows(tx, 'submissions', ['school_id', 'id', 'assignment_id', 'student_id', 'choice', 'status', 'late', 'version_no', 'revision', 'submitted_at', 'last_submitted_at'], rows.submissions);
  await insertRows(tx, 'submission_versions', ['school_id', 'submission_id', 'version_no', 'student_id', 'answer', 'actual_minutes', 'submitted_at'], rows.versions);
  await insertRows(tx, 'marks', ['school_id', 'id', 'submission_id', 'version_no', 'marked_by', 'level', 'quality', 'comment', 'face_to_face', 'correction_requested', 'marked_at'], rows.marks);
  await insertRows(tx, 'record_sheets', ['school_id', 'id', 'student_id', 'class_id', 'day', 'self_study_content', 'self_study_minutes', 'bedtime', 'filled_at',
    'read_at', 'read_by', 'revision'], rows.sheets);
  await insertRows(tx, 'record_sheet_messages', ['school_id', 'id', 'student_id', 'day', 'author_id', 'body', 'created_at', 'reply', 'replied_by', 'replied_at'], rows.messages);
  await insertRows(tx, 'record_sheet_entries', ['school_id', 'sheet_id', 'assignment_id', 'actual_minutes'], rows.entries);
  await refreshCalibrations(tx, s, assignmentIds);
}
