import { defineModule } from '../../core/module';
import { Assignment, AssignmentItem, AssignmentOption, StudentChoice } from './assignment.entity';
import { assignmentLoaders } from './assignment.loaders';
import { AssignmentItemResolver, AssignmentResolver } from './assignment.resolver';
import { assignmentService } from './assignment.service';
import { AssignmentNode } from './assignment.type';

export default defineModule({
  name: 'assignment',
  entities: [Assignment, AssignmentOption, AssignmentItem, StudentChoice],
  resolvers: [AssignmentResolver, AssignmentItemResolver],
  loaders: assignmentLoaders,
  nodes: {
    Assignment: async (ctx, id) => AssignmentNode.from(await assignmentService.get(ctx, id)),
  },
});
