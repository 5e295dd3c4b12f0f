import { defineModule } from '../../core/module';
import { Assignment, AssignmentItem, AssignmentOption, StudentChoice } from './assignment.entity';
import { assignmentLoaders } from './assignment.loaders';
import { AssignmentItemResolver, AssignmentResolver, DraftLoadResolver } from './assignment.resolver';
import { assignmentService } from './assignment.service';
import { AssignmentNode } from './assignment.type';
import { AssignmentErrors, AssignmentMessages, StructureProblems } from './assignment.errors';

export default defineModule<ReturnType<typeof assignmentLoaders>>({
  name: 'assignment',
  errors: [AssignmentErrors],
  messages: [AssignmentMessages, StructureProblems],
  entities: [Assignment, AssignmentOption, AssignmentItem, StudentChoice],
  resolvers: [AssignmentResolver, AssignmentItemResolver, DraftLoadResolver],
  loaders: assignmentLoaders,
  nodes: {
    Assignment: async (ctx, id) => AssignmentNode.from(await assignmentService.get(ctx, id)),
  },
});
