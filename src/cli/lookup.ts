import { AppConfig } from '../config';
import { RequestContext } from '../core/context';
import { Database } from '../core/database';
import { Logger } from '../core/logger';
import { createLoaders } from '../modules/registry';
import { ResearchGroup } from '../modules/research-group/research-group.entity';
import { School, Subject } from '../modules/school/school.entity';
import { gradeName } from '../modules/school/school.policy';
import { User } from '../modules/user/user.entity';
import { userService } from '../modules/user/user.service';
import { CliError, UsageError } from './command';

/**
 * What operators name on the command line, found in the database: schools by code, users by
 * username, subjects and grades by their Chinese names (`数学`, `三年级`), never by internal ids
 * or codes.
 */
export async function schoolByCode(db: Database, code: string): Promise<School> {
  const school = await db.dataSource.getRepository(School).findOneBy({ code: code.toLowerCase() });
  if (!school) throw new CliError(`no school has the code "${code}"`);
  return school;
}

/** A subject of the school by its name; an unknown name is refused with the school's subjects listed. */
export async function subjectByName(db: Database, school: School, name: string): Promise<Subject> {
  const subjects = await db.dataSource.getRepository(Subject).find({ where: { schoolId: school.id }, order: { sortOrder: 'ASC' } });
  const subject = subjects.find((s) => s.name === name.trim());
  if (!subject) throw new CliError(`${school.name} has no subject "${name}"; its subjects: ${subjects.map((s) => s.name).join('、')}`);
  return subject;
}

const GRADE_NAMES = Array.from({ length: 9 }, (_, i) => gradeName(i + 1));

/** `3` or `三年级` → 3. */
export function parseGrade(raw: string, option = '--grade'): number {
  const value = raw.trim();
  const grade = /^[1-9]$/.test(value) ? Number(value) : GRADE_NAMES.indexOf(value) + 1;
  if (!grade) throw new UsageError(`${option} must be a grade 1–9 or its name (一年级 … 九年级), got "${raw}"`);
  return grade;
}

/** A positive whole number, e.g. a class number. */
export function parsePositiveInt(raw: string, option: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < 1) throw new UsageError(`${option} must be a whole number from 1, got "${raw}"`);
  return value;
}

export async function researchGroupOf(db: Database, school: School, subject: Subject, grade: number): Promise<ResearchGroup> {
  const group = await db.dataSource.getRepository(ResearchGroup).findOneBy({ schoolId: school.id, subjectId: subject.id, grade });
  if (!group) throw new CliError(`${school.name} has no research group for ${gradeName(grade)}${subject.name}`);
  return group;
}

/** A request context acting as `username` of `school`, so commands go through the services and their rules. */
export async function actAs(db: Database, config: AppConfig, school: School, username: string): Promise<RequestContext> {
  const user = await db.dataSource.getRepository(User).findOneBy({ schoolId: school.id, username: username.toLowerCase() });
  if (!user) throw new CliError(`no user "${username}" in ${school.name}`);
  const loaded = await userService.loadViewer(db.dataSource.manager, school.id, user.id);
  if (!loaded) throw new CliError(`user "${username}" of ${school.name} cannot act (removed?)`);
  return new RequestContext('cli', db.dataSource.manager, config, new Logger('silent'), loaded.viewer, createLoaders, 'cli');
}
