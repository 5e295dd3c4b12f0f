import { NotFoundError } from '../../core/errors';
import { defineModule } from '../../core/module';
import { BankItem, BankItemObjective, BankItemVersion } from './bank-item.entity';
import { BankItemResolver, BankItemVersionResolver } from './bank-item.resolver';
import { bankItemService } from './bank-item.service';
import { bankLoaders } from './bank.loaders';
import { BankItemNode, UnitNode, UnitObjectiveNode } from './bank.type';
import { Unit, UnitObjective } from './unit.entity';
import { UnitResolver } from './unit.resolver';
import { unitService } from './unit.service';
import { BankErrors, BankMessages } from './bank.errors';

export default defineModule<ReturnType<typeof bankLoaders>>({
  name: 'bank',
  errors: [BankErrors],
  messages: [BankMessages],
  entities: [Unit, UnitObjective, BankItem, BankItemVersion, BankItemObjective],
  resolvers: [UnitResolver, BankItemResolver, BankItemVersionResolver],
  loaders: bankLoaders,
  nodes: {
    Unit: async (ctx, id) => UnitNode.from(await unitService.get(ctx, id)),
    UnitObjective: async (ctx, id) => {
      const [objective] = await unitService.objectivesByIds(ctx, [id]);
      if (!objective) throw new NotFoundError('UnitObjective', id);
      return UnitObjectiveNode.from(objective);
    },
    BankItem: async (ctx, id) => BankItemNode.from(await bankItemService.get(ctx, id)),
  },
});
