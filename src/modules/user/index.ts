import { defineModule } from '../../core/module';
import { ParentLink, User, UserRole } from './user.entity';
import { userLoaders } from './user.loaders';
import { UserResolver } from './user.resolver';
import { userService } from './user.service';
import { UserNode } from './user.type';
import { UserErrors, UserMessages } from './user.errors';

export default defineModule<ReturnType<typeof userLoaders>>({
  name: 'user',
  errors: [UserErrors],
  messages: [UserMessages],
  entities: [User, UserRole, ParentLink],
  resolvers: [UserResolver],
  loaders: userLoaders,
  nodes: {
    User: async (ctx, id) => UserNode.from(await userService.get(ctx, id)),
  },
});
