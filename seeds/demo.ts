import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../src/core/roles';
import { hashPassword } from '../src/modules/auth/password';
import { importRosterOn } from '../src/modules/roster/roster.service';
import { SchoolStage } from '../src/modules/school/school.entity';
import { insertDemoActivity } from './activity';
import { insertDemoBank } from './bank';
import { demoIds, demoRosterWorkbook } from './demo-roster';
import { buildSchool, insertRows, insertSchool, PasswordKind, SchoolFixture, SchoolSpec } from './school-fixture';

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

/**
 * Seeds the demo school the way a school moves in: the school, its terms, subjects and
 * academic-office account first (what school-create and the office's first steps make), then
 * its classes, teachers, teaching, students and parents by importing the roster workbook of
 * seeds/demo-roster.ts, then its research groups. The accounts the import opened get the
 * published demo passwords (README) instead of waiting for their slips. A rerun changes nothing.
 */
export async function seedDemo(ds: DataSource, passwordHashCost: number): Promise<SchoolFixture> {
  const fixture = buildSchool(DEMO_SCHOOL);
  const hashes = await hashDemoPasswords(passwordHashCost);
  const roster = await demoRosterWorkbook(fixture);
  await ds.transaction(async (tx) => {
    const s = fixture.schoolId;
    await tx.query(`SELECT set_config('app.school_id', $1, true)`, [s]);
    await insertRows(tx, 'schools', ['school_id', 'code', 'name', 'stage'], [[s, fixture.spec.code, fixture.spec.name, fixture.spec.stage]]);
    await insertRows(tx, 'terms', ['school_id', 'id', 'name', 'academic_year', 'term_no', 'starts_on', 'ends_on'],
      fixture.terms.map((t) => [s, t.id, t.name, t.academicYear, t.termNo, t.startsOn, t.endsOn]));
    await insertRows(tx, 'subjects', ['school_id', 'id', 'code', 'name', 'sort_order'], fixture.subjects.map((x) => [s, x.id, x.code, x.name, x.sortOrder]));
    const office = fixture.users.filter((u) => u.roles.includes(Role.ACADEMIC_OFFICE));
    await insertRows(tx, 'users', ['school_id', 'id', 'username', 'display_name', 'password_hash'], office.map((u) => [s, u.id, u.username, u.displayName, hashes.office]));
    await insertRows(tx, 'user_roles', ['school_id', 'user_id', 'role'], office.map((u) => [s, u.id, Role.ACADEMIC_OFFICE]));
    const report = await importRosterOn(tx, s, roster, { dryRun: false, idFor: demoIds(fixture) });
    if (report.problems.length) throw new Error(`the demo roster has problems: ${report.problems.map((p) => `${p.sheet} ${p.row}: ${p.message}`).join('; ')}`);
    await insertRows(tx, 'research_groups', ['school_id', 'id', 'subject_id', 'grade', 'name', 'lead_id'],
      fixture.groups.map((g) => [s, g.id, g.subjectId, g.grade, g.name, g.leadId]));
    await insertRows(tx, 'research_group_members', ['school_id', 'group_id', 'user_id'], fixture.groups.flatMap((g) => g.memberIds.map((m) => [s, g.id, m])));
    await giveDemoPasswords(tx, fixture, hashes);
  });
  await ds.transaction((tx) => insertDemoBank(tx, fixture));
  await ds.transaction((tx) => insertDemoActivity(tx, fixture));
  return fixture;
}

/**
 * The published demo password of each account the roster import opened (no password yet),
 * without a forced change; students' guardians consented at enrolment. Accounts that have a
 * password keep it, so a rerun changes nothing.
 */
async function giveDemoPasswords(tx: EntityManager, f: SchoolFixture, hashes: Record<PasswordKind, string>): Promise<void> {
  for (const kind of ['staff', 'student', 'parent'] as const) {
    const usernames = f.users.filter((u) => u.password === kind).map((u) => u.username);
    await tx.query(
      `UPDATE users SET password_hash = $3, must_change_password = false,
              guardian_consent_at = CASE WHEN class_id IS NOT NULL THEN timestamptz '2026-09-01T00:00:00Z' ELSE guardian_consent_at END
        WHERE school_id = $1 AND password_hash IS NULL AND username = ANY($2)`,
      [f.schoolId, usernames, hashes[kind]]);
  }
}
