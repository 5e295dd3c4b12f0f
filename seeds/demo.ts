import { DataSource } from 'typeorm';
import { hashPassword } from '../src/modules/auth/password';
import { SchoolStage } from '../src/modules/school/school.entity';
import { insertDemoActivity } from './activity';
import { insertDemoBank } from './bank';
import { buildSchool, insertSchool, PasswordKind, SchoolFixture, SchoolSpec } from './school-fixture';

/** The demo school: a nine-year school, grades 1–9, two classes a grade, 40 students a class. */
export const DEMO_SCHOOL: SchoolSpec = {
  code: 'jhsy',
  name: '京华实验学校',
  stage: SchoolStage.NINE_YEAR,
  grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  classesPerGrade: 2,
  studentsPerClass: 40,
  nameSeed: 20260901,
};

/** Published demo passwords (README). Never use these outside a demo. */
export const DEMO_PASSWORDS: Record<PasswordKind, string> = {
  office: 'jiaowu2026',
  staff: 'jiaoshi2026',
  student: 'xuesheng2026',
  parent: 'jiazhang2026',
};

export async function hashDemoPasswords(cost: number): Promise<Record<PasswordKind, string>> {
  const entries = await Promise.all(
    Object.entries(DEMO_PASSWORDS).map(async ([kind, pw]) => [kind, await hashPassword(pw, cost)] as const),
  );
  return Object.fromEntries(entries) as Record<PasswordKind, string>;
}

/** Seeds a school in one transaction; idempotent (fixed ids, existing rows kept). */
export async function seedSchool(ds: DataSource, spec: SchoolSpec, passwordHashCost: number): Promise<SchoolFixture> {
  const fixture = buildSchool(spec);
  const hashes = await hashDemoPasswords(passwordHashCost);
  await ds.transaction((tx) => insertSchool(tx, fixture, hashes));
  return fixture;
}

/** Seeds the demo school and its homework bank. */
export async function seedDemo(ds: DataSource, passwordHashCost: number): Promise<SchoolFixture> {
  const fixture = await seedSchool(ds, DEMO_SCHOOL, passwordHashCost);
  await ds.transaction((tx) => insertDemoBank(tx, fixture));
  await ds.transaction((tx) => insertDemoActivity(tx, fixture));
  return fixture;
}
