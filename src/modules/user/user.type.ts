import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { ParentRelation, User } from './user.entity';

registerEnumType(ParentRelation, {
  name: 'ParentRelation',
  description: 'How a parent is related to a student',
  valuesConfig: {
    FATHER: { description: '父亲' },
    MOTHER: { description: '母亲' },
    GUARDIAN: { description: '其他监护人' },
  },
});

@ObjectType('User', { implements: Node, description: 'A person in a school: staff, student or parent' })
export class UserNode extends Node {
  @Field({ description: 'Sign-in name, unique within the school' })
  username!: string;

  @Field({ description: 'Name shown to others, e.g. 王老师 or 李明' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: "A student's number within the school (学号); null for others" })
  studentNo!: string | null;

  @Field(() => Date, { nullable: true, description: "When a guardian consented to keeping a minor's personal data; null until then" })
  guardianConsentAt!: Date | null;

  /** The row behind the node; not part of the schema. */
  entity!: User;

  static from(user: User): UserNode {
    return Object.assign(new UserNode(), {
      id: toGlobalId('User', user.id),
      username: user.username,
      displayName: user.displayName,
      studentNo: user.studentNo,
      guardianConsentAt: user.guardianConsentAt,
      entity: user,
    });
  }
}

@ObjectType({ description: "A student linked to a parent, with how they are related" })
export class ChildLink {
  @Field(() => UserNode, { description: 'The student' })
  student!: UserNode;

  @Field(() => ParentRelation, { description: 'How the parent is related to the student' })
  relation!: ParentRelation;
}
