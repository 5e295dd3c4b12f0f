import { defineModule } from '../../core/module';
import { SchoolClass, TeachingAssignment } from './class.entity';
import { classLoaders } from './class.loaders';
import { ClassResolver, TeachingAssignmentResolver, UserClassesResolver } from './class.resolver';
import { classService } from './class.service';
import { ClassNode, TeachingAssignmentNode } from './class.type';
import { ClassMessages } from './class.errors';

export default defineModule<ReturnType<typeof classLoaders>>({
  name: 'class',
  messages: [ClassMessages],
  entities: [SchoolClass, TeachingAssignment],
  resolvers: [ClassResolver, TeachingAssignmentResolver, UserClassesResolver],
  loaders: classLoaders,
  nodes: {
    Class: async (ctx, id) => ClassNode.from(await classService.get(ctx, id)),
    TeachingAssignment: async (ctx, id) => TeachingAssignmentNode.from(await classService.teachingAssignment(ctx, id)),
  },
});
