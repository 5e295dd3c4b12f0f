import { EntityManager, In } from 'typeorm';
import { Batches } from '../../core/loader';
import { Assignment } from '../assignment/assignment.entity';
import { Mark, PeerComment, Submission, SubmissionVersion } from './submission.entity';

export function submissionLoaders(ds: EntityManager, schoolId: string, batches: Batches) {
  return {
    assignmentById: batches.unique<string, Assignment>((ids) => ds.getRepository(Assignment).findBy({ schoolId, id: In(ids) }), (a) => a.id),
    submissionById: batches.unique<string, Submission>((ids) => ds.getRepository(Submission).findBy({ schoolId, id: In(ids) }), (s) => s.id),
    versionsBySubmissionId: batches.group<string, SubmissionVersion>(
      (ids) => ds.getRepository(SubmissionVersion).find({ where: { schoolId, submissionId: In(ids) }, order: { versionNo: 'ASC' } }),
      (v) => v.submissionId,
    ),
    marksBySubmissionId: batches.group<string, Mark>(
      (ids) => ds.getRepository(Mark).find({ where: { schoolId, submissionId: In(ids) }, order: { markedAt: 'ASC' } }),
      (m) => m.submissionId,
    ),
    peerCommentsBySubmissionId: batches.group<string, PeerComment>(
      (ids) => ds.getRepository(PeerComment).find({ where: { schoolId, submissionId: In(ids) }, order: { createdAt: 'ASC' } }),
      (c) => c.submissionId,
    ),
  };
}
