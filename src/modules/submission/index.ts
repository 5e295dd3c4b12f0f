import { defineModule } from '../../core/module';
import { Mark, PeerComment, Submission, SubmissionVersion } from './submission.entity';
import { submissionLoaders } from './submission.loaders';
import { MarkResolver, StudentDayEntrySubmissionResolver, SubmissionResolver } from './submission.resolver';
import { submissionService } from './submission.service';
import { SubmissionNode } from './submission.type';
import { SubmissionErrors, SubmissionMessages } from './submission.errors';

export default defineModule<ReturnType<typeof submissionLoaders>>({
  name: 'submission',
  errors: [SubmissionErrors],
  messages: [SubmissionMessages],
  entities: [Submission, SubmissionVersion, Mark, PeerComment],
  resolvers: [SubmissionResolver, MarkResolver, StudentDayEntrySubmissionResolver],
  loaders: submissionLoaders,
  nodes: {
    Submission: async (ctx, id) => SubmissionNode.from(await submissionService.get(ctx, id)),
  },
});
