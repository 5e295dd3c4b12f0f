import { defineModule } from '../../core/module';
import { Assignment, AssignmentItem, AssignmentOption, StudentChoice } from './assignment.entity';
import { assignmentLoaders } from './assignment.loaders';
import { AssignmentItemResolver, AssignmentResolver, DraftLoadResolver, HeaviestStudentLoadResolver, NoticeSubjectResolver } from './assignment.resolver';
import { assignmentService } from './assignment.service';
import { AssignmentNode } from './assignment.type';
import { AssignmentErrors, AssignmentMessages, StructureProblems } from './assignment.errors';
import { StudentGroup, StudentGroupMember, TierSuggestion } from './student-group.entity';
import { StudentGroupResolver } from './student-group.resolver';
import { TierSuggestionResolver } from './tier-suggestion.resolver';
import { studentGroupService } from './student-group.service';
import { StudentGroupNode } from './student-group.type';

export default defineModule<ReturnType<typeof assignmentLoaders>>({
  name: 'assignment',
  errors: [AssignmentErrors],
  messages: [AssignmentMessages, StructureProblems],
  entities: [Assignment, AssignmentOption, AssignmentItem, StudentChoice, StudentGroup, StudentGroupMember, TierSuggestion],
  resolvers: [AssignmentResolver, AssignmentItemResolver, DraftLoadResolver, NoticeSubjectResolver, HeaviestStudentLoadResolver, StudentGroupResolver, TierSuggestionResolver],
  loaders: assignmentLoaders,
  nodes: {
    Assignment: async (ctx, id) => AssignmentNode.from(await assignmentService.get(ctx, id)),
    StudentGroup: async (ctx, id) => StudentGroupNode.from(await studentGroupService.get(ctx, id)),
  },
});
