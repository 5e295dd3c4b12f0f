import { defineModule } from '../../core/module';
import { ParentBindingRequest } from './parent-binding.entity';
import { ParentBindingErrors } from './parent-binding.errors';
import { parentBindingLoaders } from './parent-binding.loaders';
import { ClassJoinCodeResolver, ParentBindingResolver } from './parent-binding.resolver';

export default defineModule<ReturnType<typeof parentBindingLoaders>>({
  name: 'parent-binding',
  entities: [ParentBindingRequest],
  resolvers: [ParentBindingResolver, ClassJoinCodeResolver],
  loaders: parentBindingLoaders,
  errors: [ParentBindingErrors],
});
