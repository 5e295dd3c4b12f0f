import { EntityManager, In } from 'typeorm';
import { groupLoader, uniqueLoader } from '../../core/loader';
import { Role } from '../../core/roles';
import { ParentLink, User } from './user.entity';

/**
 * Effective roles: stored roles plus the roles a user holds by position (head teacher of a
 * class, lead of a research group), so the two can never disagree.
 */
export const EFFECTIVE_ROLES_SQL = `
  SELECT user_id, role FROM user_roles WHERE school_id = $1 AND user_id = ANY($2::uuid[])
  UNION SELECT head_teacher_id, 'head_teacher' FROM classes WHERE school_id = $1 AND head_teacher_id = ANY($2::uuid[])
  UNION SELECT lead_id, 'research_lead' FROM research_groups WHERE school_id = $1 AND lead_id = ANY($2::uuid[])`;

/** Filter on alias `u` (users) for holding :role, stored or by position. */
export const HAS_ROLE_SQL = `(
  EXISTS (SELECT 1 FROM user_roles r WHERE r.school_id = u.school_id AND r.user_id = u.id AND r.role = CAST(:role AS text))
  OR (CAST(:role AS text) = 'head_teacher'
      AND EXISTS (SELECT 1 FROM classes c WHERE c.school_id = u.school_id AND c.head_teacher_id = u.id))
  OR (CAST(:role AS text) = 'research_lead'
      AND EXISTS (SELECT 1 FROM research_groups g WHERE g.school_id = u.school_id AND g.lead_id = u.id)))`;

export function userLoaders(ds: EntityManager, schoolId: string) {
  const users = ds.getRepository(User);
  return {
    userById: uniqueLoader<string, User>((ids) => users.findBy({ schoolId, id: In(ids) }), (u) => u.id),
    rolesByUserId: groupLoader<string, { user_id: string; role: Role }>(
      (ids) => ds.query(EFFECTIVE_ROLES_SQL, [schoolId, ids]),
      (r) => r.user_id,
    ),
    studentsByClassId: groupLoader<string, User>(
      (classIds) => users.find({ where: { schoolId, classId: In(classIds) }, order: { studentNo: 'ASC', id: 'ASC' } }),
      (u) => u.classId!,
    ),
    childLinksByParentId: groupLoader<string, ParentLink>(
      (ids) => ds.getRepository(ParentLink).findBy({ schoolId, parentId: In(ids) }),
      (l) => l.parentId,
    ),
    childClassIdsByParentId: groupLoader<string, { parent_id: string; class_id: string }>(
      (ids) =>
        ds.query(
          `SELECT DISTINCT l.parent_id, s.class_id FROM parent_links l
             JOIN users s ON s.school_id = l.school_id AND s.id = l.student_id
            WHERE l.school_id = $1 AND l.parent_id = ANY($2::uuid[]) AND s.class_id IS NOT NULL`,
          [schoolId, ids],
        ),
      (r) => r.parent_id,
    ),
  };
}
