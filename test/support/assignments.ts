import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/core/ids';
import { normalizeText, searchGrams } from '../../src/modules/bank/bank.policy';
import { insertBankRows } from '../../seeds/bank';
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
  const units: unknown[][] = [];
  let unitId = unitIds.get(unitKey);
  if (!unitId) {
    unitId = randomUUID();
    unitIds.set(unitKey, unitId);
    units.push([s, unitId, subject.id, spec.grade, school.terms[1].id, '测试册', 90, '测试单元']);
  }
  const id = randomUUID();
  const approved = spec.approved ?? true;
  const text = `${spec.title} 练习`;
  const tier = spec.tier ?? 'basic';
  const form = spec.form ?? 'written';
  // The seeds' writer of bank rows (seeds/bank.ts), in its column order: no second copy of the bank's columns here.
  await insertBankRows(t.db.dataSource.manager, {
    units,
    objectives: [],
    items: [[s, id, unitId, subject.id, spec.grade, author, spec.retired ? 'retired' : approved ? 'approved' : 'draft', 1, 1, approved ? 1 : null, null,
      spec.title, tier, form, spec.minutes, normalizeText(text), searchGrams(text)]],
    versions: [[s, id, 1, spec.title, '练习', '答案', tier, form, spec.minutes, 2, 'routine', 'prescribed', 'knowledge', 'practical', 'created', null, false,
      author, approved ? new Date() : null]],
    links: [],
  });
  if (spec.needsParent || spec.needsPhone || spec.repetitive) {
    // Flags the seeds' rows never carry (their writer leaves them false): set on the version just written.
    await t.db.dataSource.query(
      `UPDATE bank_item_versions SET needs_parent = $3, needs_phone = $4, repetitive = $5 WHERE school_id = $1 AND item_id = $2 AND version_no = 1`,
      [s, id, !!spec.needsParent, !!spec.needsPhone, !!spec.repetitive],
    );
  }
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
