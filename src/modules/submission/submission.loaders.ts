import { EntityManager, In } from 'typeorm';
import { Batches } from '../../core/loader';
import { Assignment } from '../assignment/assignment.entity';
import { Mark, PeerComment, Submission, SubmissionVersion } from './submission.entity';

export function submissionLoaders(db: EntityManager, schoolId: string, batches: Batches) {
  return {
    assignmentById: batches.unique<string, Assignment>((ids) => db.getRepository(Assignment).findBy({ schoolId, id: In(ids) }), (a) => a.id),
    submissionById: batches.unique<string, Submission>((ids) => db.getRepository(Submission).findBy({ schoolId, id: In(ids) }), (s) => s.id),
    versionsBySubmissionId: batches.group<string, SubmissionVersion>(
      (ids) => db.getRepository(SubmissionVersion).find({ where: { schoolId, submissionId: In(ids) }, order: { versionNo: 'ASC' } }),
      (v) => v.submissionId,
    ),
    marksBySubmissionId: batches.group<string, Mark>(
      (ids) => db.getRepository(Mark).find({ where: { schoolId, submissionId: In(ids) }, order: { markedAt: 'ASC' } }),
      (m) => m.submissionId,
    ),
    peerCommentsBySubmissionId: batches.group<string, PeerComment>(
      (ids) => db.getRepository(PeerComment).find({ where: { schoolId, submissionId: In(ids) }, order: { createdAt: 'ASC' } }),
      (c) => c.submissionId,
    ),
  };
}
