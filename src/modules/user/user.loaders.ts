import { EntityManager, In } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { entityOfJson, jsonOfRow } from '../../core/entity-json';
import { Batches } from '../../core/loader';
import { Role } from '../../core/roles';
import { ParentLink, User } from './user.entity';

/**
 * Effective roles: stored roles plus the roles a user holds by position (head teacher of a
 * class, lead of a research group), so the two can never disagree. `school` and `userIds` are
 * SQL expressions (a uuid, a uuid[]).
 */
export const effectiveRolesSql = (school: string, userIds: string) => `
  SELECT user_id, role FROM user_roles WHERE school_id = ${school} AND user_id = ANY(${userIds})
  UNION SELECT head_teacher_id, 'head_teacher' FROM classes WHERE school_id = ${school} AND head_teacher_id = ANY(${userIds}) AND archived_at IS NULL
  UNION SELECT lead_id, 'research_lead' FROM research_groups WHERE school_id = ${school} AND lead_id = ANY(${userIds})`;

/** The effective roles of the users $2 in school $1. */
export const EFFECTIVE_ROLES_SQL = effectiveRolesSql('$1', '$2::uuid[]');

/** Filter on alias `u` (users) for holding :role, stored or by position. */
export const HAS_ROLE_SQL = `(
  EXISTS (SELECT 1 FROM user_roles r WHERE r.school_id = u.school_id AND r.user_id = u.id AND r.role = CAST(:role AS text))
  OR (CAST(:role AS text) = 'head_teacher'
      AND EXISTS (SELECT 1 FROM classes c WHERE c.school_id = u.school_id AND c.head_teacher_id = u.id AND c.archived_at IS NULL))
  OR (CAST(:role AS text) = 'research_lead'
      AND EXISTS (SELECT 1 FROM research_groups g WHERE g.school_id = u.school_id AND g.lead_id = u.id)))`;

/** A User from a raw `users` row (its selectable columns; never the password hash). */
function userOfRow(columns: { propertyName: string; databaseName: string; isSelect: boolean }[], row: Record<string, unknown>): User {
  const user = new User();
  for (const c of columns) if (c.isSelect) (user as unknown as Record<string, unknown>)[c.propertyName] = row[c.databaseName];
  return user;
}

export function userLoaders(ds: EntityManager, schoolId: string, batches: Batches) {
  const users = ds.getRepository(User);
  /** The class each row of studentsByClassId was loaded for (a student may be in an archived class and a current one). */
  const rollClassOf = new WeakMap<User, string>();
  return {
    userById: batches.unique<string, User>((ids) => users.findBy({ schoolId, id: In(ids) }), (u) => u.id),
    rolesByUserId: batches.group<string, { user_id: string; role: Role }>(
      (ids) => ds.query(EFFECTIVE_ROLES_SQL, [schoolId, ids]),
      (r) => r.user_id,
    ),
    /**
     * The students of each class: of a current class, those in it now; of a class archived at a
     * school-year rollover, those who were in it then (past_class_members), so last year's class
     * lists read as before. One statement.
     */
    studentsByClassId: batches.group<string, User>(
      async (classIds) => {
        const rows: Record<string, unknown>[] = await ds.query(
          `SELECT x.roll_class_id, u.* FROM (
             SELECT s.id AS student_id, s.class_id AS roll_class_id FROM users s
               JOIN classes c ON c.school_id = s.school_id AND c.id = s.class_id AND c.archived_at IS NULL
              WHERE s.school_id = $1 AND s.class_id = ANY($2::uuid[])
             UNION ALL
             SELECT m.student_id, m.class_id FROM past_class_members m WHERE m.school_id = $1 AND m.class_id = ANY($2::uuid[])
           ) x JOIN users u ON u.school_id = $1 AND u.id = x.student_id
           ORDER BY u.student_no ASC NULLS LAST, u.id ASC`,
          [schoolId, classIds],
        );
        return rows.map((r) => {
          const user = userOfRow(users.metadata.columns, r);
          rollClassOf.set(user, r.roll_class_id as string);
          return user;
        });
      },
      (u) => rollClassOf.get(u)!,
    ),
    childLinksByParentId: batches.group<string, ParentLink>(
      (ids) => ds.getRepository(ParentLink).findBy({ schoolId, parentId: In(ids) }),
      (l) => l.parentId,
    ),
    childClassIdsByParentId: batches.group<string, { parent_id: string; class_id: string }>(
      (ids) => ds.query(childClassIdsSql('$1', '$2::uuid[]'), [schoolId, ids]),
      (r) => r.parent_id,
    ),
  };
}

/** The classes of the children of the parents `parentIds` (SQL expressions: a uuid, a uuid[]). */
const childClassIdsSql = (school: string, parentIds: string) =>
  `SELECT DISTINCT l.parent_id, s.class_id FROM parent_links l
     JOIN users s ON s.school_id = l.school_id AND s.id = l.student_id
    WHERE l.school_id = ${school} AND l.parent_id = ANY(${parentIds}) AND s.class_id IS NOT NULL`;

/** A user with the facts its visibility is decided on, as `userWithFactsSql` reads it. */
export type UserWithFactsJson = [unknown[], Role[], string[]];

/**
 * A subquery of the user `userId` in school `school` (SQL expressions, e.g. `i.school_id` and
 * `i.author_id` of an outer query) with its effective roles and its children's classes, as one
 * JSON value (null when there is no such user): a read brings its users along in its own
 * statement, and `primeUser` puts them in the request's loaders, so resolving a user and
 * checking that the caller may see it costs no further statement.
 */
export function userWithFactsSql(db: EntityManager, school: string, userId: string): string {
  return `(SELECT json_build_array(${jsonOfRow(db, User, 'fu')},
             ARRAY(SELECT fr.role FROM (${effectiveRolesSql('fu.school_id', 'ARRAY[fu.id]')}) fr),
             ARRAY(SELECT fc.class_id FROM (${childClassIdsSql('fu.school_id', 'ARRAY[fu.id]')}) fc))
             FROM users fu WHERE fu.school_id = ${school} AND fu.id = ${userId})`;
}

/** Puts a user read by `userWithFactsSql` in the request's loaders (userById, rolesByUserId, childClassIdsByParentId); the user. */
export function primeUser(ctx: RequestContext, json: UserWithFactsJson | null): User | null {
  if (!json) return null;
  const [values, roles, childClassIds] = json;
  const user = entityOfJson(ctx.db, User, values);
  const loaders = ctx.loaders;
  loaders.userById.prime(user.id, user);
  loaders.rolesByUserId.prime(user.id, roles.map((role) => ({ user_id: user.id, role })));
  loaders.childClassIdsByParentId.prime(user.id, childClassIds.map((class_id) => ({ parent_id: user.id, class_id })));
  return user;
}
