import { defineModule } from '../../core/module';
import { School, Subject, Term } from './school.entity';
import { schoolLoaders } from './school.loaders';
import { gradesOf } from './school.policy';
import { SchoolResolver } from './school.resolver';
import { schoolService } from './school.service';
import { SchoolNode, SubjectNode, TermNode } from './school.type';
import { SchoolErrors, SchoolMessages } from './school.errors';

export default defineModule<ReturnType<typeof schoolLoaders>>({
  name: 'school',
  errors: [SchoolErrors],
  messages: [SchoolMessages],
  entities: [School, Term, Subject],
  resolvers: [SchoolResolver],
  loaders: schoolLoaders,
  nodes: {
    School: async (ctx, id) => {
      const school = await schoolService.get(ctx, id);
      return SchoolNode.from(school, gradesOf(school.stage));
    },
    Term: async (ctx, id) => TermNode.from(await schoolService.term(ctx, id)),
    Subject: async (ctx, id) => SubjectNode.from(await schoolService.subject(ctx, id)),
  },
});
