import { EntityManager, In } from 'typeorm';
import { groupLoader, uniqueLoader } from '../../core/loader';
import { Assignment } from '../assignment/assignment.entity';
import { Mark, PeerComment, Submission, SubmissionVersion } from './submission.entity';

export function submissionLoaders(ds: EntityManager, schoolId: string) {
  return {
    assignmentById: uniqueLoader<string, Assignment>((ids) => ds.getRepository(Assignment).findBy({ schoolId, id: In(ids) }), (a) => a.id),
    submissionById: uniqueLoader<string, Submission>((ids) => ds.getRepository(Submission).findBy({ schoolId, id: In(ids) }), (s) => s.id),
    versionsBySubmissionId: groupLoader<string, SubmissionVersion>(
      (ids) => ds.getRepository(SubmissionVersion).find({ where: { schoolId, submissionId: In(ids) }, order: { versionNo: 'ASC' } }),
      (v) => v.submissionId,
    ),
    marksBySubmissionId: groupLoader<string, Mark>(
      (ids) => ds.getRepository(Mark).find({ where: { schoolId, submissionId: In(ids) }, order: { markedAt: 'ASC' } }),
      (m) => m.submissionId,
    ),
    peerCommentsBySubmissionId: groupLoader<string, PeerComment>(
      (ids) => ds.getRepository(PeerComment).find({ where: { schoolId, submissionId: In(ids) }, order: { createdAt: 'ASC' } }),
      (c) => c.submissionId,
    ),
  };
}
