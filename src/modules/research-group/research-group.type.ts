import { Field, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { ResearchGroup } from './research-group.entity';

@ObjectType('ResearchGroup', {
  implements: Node,
  description: 'A teaching research / lesson-prep group (教研组/备课组): one subject × one grade',
})
export class ResearchGroupNode extends Node {
  @Field({ description: 'e.g. 三年级数学备课组' })
  name!: string;

  @Field(() => Int, { description: 'Grade 1–9' })
  grade!: number;

  entity!: ResearchGroup;

  static from(g: ResearchGroup): ResearchGroupNode {
    return Object.assign(new ResearchGroupNode(), {
      id: toGlobalId('ResearchGroup', g.id),
      name: g.name,
      grade: g.grade,
      entity: g,
    });
  }
}
