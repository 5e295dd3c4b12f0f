import { EntityManager, In } from 'typeorm';
import { Batches } from '../../core/loader';
import { ResearchGroup, ResearchGroupMember } from './research-group.entity';

export function researchGroupLoaders(ds: EntityManager, schoolId: string, batches: Batches) {
  const members = ds.getRepository(ResearchGroupMember);
  return {
    researchGroupById: batches.unique<string, ResearchGroup>(
      (ids) => ds.getRepository(ResearchGroup).findBy({ schoolId, id: In(ids) }),
      (g) => g.id,
    ),
    /** Groups by "subjectId:grade". */
    researchGroupBySubjectGrade: batches.unique<string, ResearchGroup>(
      (keys) => ds.getRepository(ResearchGroup).findBy({ schoolId, subjectId: In([...new Set(keys.map((k) => k.split(':')[0]))]) }),
      (g) => `${g.subjectId}:${g.grade}`,
    ),
    membersByGroupId: batches.group<string, ResearchGroupMember>(
      (ids) => members.findBy({ schoolId, groupId: In(ids) }),
      (m) => m.groupId,
    ),
    groupMembershipsByUserId: batches.group<string, ResearchGroupMember>(
      (ids) => members.findBy({ schoolId, userId: In(ids) }),
      (m) => m.userId,
    ),
  };
}
