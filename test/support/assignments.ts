import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/core/ids';
import { normalizeText, searchGrams } from '../../src/modules/bank/bank.policy';
import { TestApp } from './test-app';

/** Test data for assignments, written straight to the database (each test file makes its own). */
export interface ItemSpec {
  subject: string;
  grade: number;
  title: string;
  form?: string;
  minutes: number;
  tier?: string;
  approved?: boolean;
  retired?: boolean;
  needsPhone?: boolean;
  needsParent?: boolean;
  repetitive?: boolean;
}

const unitIds = new Map<string, string>();

/** Inserts a bank item (approved unless told otherwise) and returns its global id. */
export async function insertItem(t: TestApp, spec: ItemSpec, schoolIndex = 0): Promise<string> {
  const school = t.schools[schoolIndex];
  const s = school.schoolId;
  const subject = school.subjects.find((x) => x.code === spec.subject)!;
  const author = school.users.find((u) => u.username === 'jiaowu')!.id;
  const unitKey = `${s}:${subject.id}:${spec.grade}`;
  let unitId = unitIds.get(unitKey);
  if (!unitId) {
    unitId = randomUUID();
    unitIds.set(unitKey, unitId);
    await t.db.dataSource.query(
      `INSERT INTO units (school_id, id, subject_id, grade, term_id, volume, sort_order, title) VALUES ($1, $2, $3, $4, $5, '测试册', 90, '测试单元')`,
      [s, unitId, subject.id, spec.grade, school.terms[1].id],
    );
  }
  const id = randomUUID();
  const approved = spec.approved ?? true;
  const text = `${spec.title} 练习`;
  await t.db.dataSource.query(
    `INSERT INTO bank_items (school_id, id, unit_id, subject_id, grade, author_id, status, version_no, approved_version_no, title, tier, form,
       predicted_minutes, search_text, search_grams) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $10, $11, $12, $13, $14)`,
    [s, id, unitId, subject.id, spec.grade, author, spec.retired ? 'retired' : approved ? 'approved' : 'draft', approved ? 1 : null, spec.title, spec.tier ?? 'basic',
      spec.form ?? 'written', spec.minutes, normalizeText(text), searchGrams(text)],
  );
  await t.db.dataSource.query(
    `INSERT INTO bank_item_versions (school_id, item_id, version_no, title, body, answer_guide, tier, form, predicted_minutes, difficulty,
       routine_or_stage, prescribed_or_self, knowledge_or_fun, practical_or_humanistic, provenance, needs_parent, needs_phone, repetitive,
       edited_by, approved_at)
     VALUES ($1, $2, 1, $3, '练习', '答案', $4, $5, $6, 2, 'routine', 'prescribed', 'knowledge', 'practical', 'created', $7, $8, $9, $10, $11)`,
    [s, id, spec.title, spec.tier ?? 'basic', spec.form ?? 'written', spec.minutes, !!spec.needsParent, !!spec.needsPhone, !!spec.repetitive,
      author, approved ? new Date() : null],
  );
  return toGlobalId('BankItem', id);
}

export const ASSIGNMENT_FIELDS = `id status revision title day choices { key writtenHomeMinutes totalMinutes minMinutes maxMinutes } heaviestWrittenMinutes`;
export const CREATE = `mutation($input: AssignmentCreateInput!) { assignmentCreate(input: $input) {
  assignment { ${ASSIGNMENT_FIELDS} } userErrors { code field message figures { name value } } } }`;
export const UPDATE = `mutation($input: AssignmentUpdateInput!) { assignmentUpdate(input: $input) {
  assignment { ${ASSIGNMENT_FIELDS} } userErrors { code field message figures { name value } } } }`;
export const PUBLISH = `mutation($input: AssignmentStepInput!) { assignmentPublish(input: $input) {
  assignment { ${ASSIGNMENT_FIELDS} } userErrors { code field message figures { name value } } } }`;

export function ids(t: TestApp, grade: number, subjectCode: string, schoolIndex = 0) {
  const school = t.schools[schoolIndex];
  return {
    classId: toGlobalId('Class', school.classes.find((c) => c.grade === grade)!.id),
    subjectId: toGlobalId('Subject', school.subjects.find((s) => s.code === subjectCode)!.id),
  };
}

/** Packages A and B, one item each. */
export const packages = (a: string, b: string, atHome = true) => [
  { key: 'A', name: 'A 套餐', items: [{ itemId: a, atHome }] },
  { key: 'B', name: 'B 套餐', items: [{ itemId: b, atHome }] },
];

/** Creates a draft and publishes it; returns the publish payload. */
export async function createAndPublish(t: TestApp, token: string, input: Record<string, unknown>) {
  const { assignmentCreate } = await t.ok(CREATE, { input }, token);
  if (assignmentCreate.userErrors.length) throw new Error(JSON.stringify(assignmentCreate.userErrors));
  const a = assignmentCreate.assignment;
  return (await t.ok(PUBLISH, { input: { assignmentId: a.id, expectedRevision: a.revision } }, token)).assignmentPublish;
}
