import { registerEnumType } from 'type-graphql';

/** What a user may do in their school. A user may hold several roles. */
export enum Role {
  ACADEMIC_OFFICE = 'academic_office',
  RESEARCH_LEAD = 'research_lead',
  TEACHER = 'teacher',
  HEAD_TEACHER = 'head_teacher',
  STUDENT = 'student',
  PARENT = 'parent',
}

export const ALL_ROLES = Object.values(Role);

/** Roles held by school staff (they see more than students and parents). */
export const STAFF_ROLES = [Role.ACADEMIC_OFFICE, Role.RESEARCH_LEAD, Role.TEACHER, Role.HEAD_TEACHER];

registerEnumType(Role, {
  name: 'Role',
  description: 'A role a user holds in their school',
  valuesConfig: {
    ACADEMIC_OFFICE: { description: '教务处: sets load policy, oversees every class' },
    RESEARCH_LEAD: { description: '教研组长/备课组长: leads a research group' },
    TEACHER: { description: '学科教师: teaches a subject to classes' },
    HEAD_TEACHER: { description: '班主任: coordinates a class' },
    STUDENT: { description: '学生' },
    PARENT: { description: '家长: reads their own children\'s record' },
  },
});
