import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../core/ids';
import { MutationPayload } from '../../core/payload';
import { ClassNode } from '../class/class.type';
import { ParentRelation } from '../user/user.entity';
import { UserNode } from '../user/user.type';
import { BindingStatus, ParentBindingRequest } from './parent-binding.entity';

registerEnumType(BindingStatus, {
  name: 'BindingStatus',
  description: "Where a parent's binding request stands",
  valuesConfig: {
    PENDING: { description: '待班主任审核' },
    APPROVED: { description: '已绑定（班主任同意，或花名册已登记而自动通过）' },
    REJECTED: { description: '班主任未同意' },
  },
});

@ObjectType('ParentBindingRequest', { description: "A parent's request to be bound to a child" })
export class ParentBindingRequestNode {
  @Field(() => ID, { description: 'Global id' }) id!: string;
  @Field(() => BindingStatus, { description: 'Pending, approved or rejected' }) status!: BindingStatus;
  @Field({ description: 'Approved at once because the roster already listed the parent for the child' }) automatic!: boolean;
  @Field(() => ParentRelation, { description: 'How the parent is related to the child' }) relation!: ParentRelation;
  @Field({ description: 'The parent gave guardian consent with the request' }) consent!: boolean;
  @Field({ description: 'The child, as the parent named them' }) childName!: string;
  @Field({ description: "The parent's name" }) parentName!: string;
  @Field({ description: "The parent's username (often their mobile number)" }) parentUsername!: string;
  @Field(() => String, { nullable: true, description: "The head teacher's reason for a rejection" }) reason!: string | null;
  @Field({ description: 'When it was asked' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was decided' }) decidedAt!: Date | null;
  @Field(() => ClassNode, { description: "The child's class, whose head teacher decides" }) class!: ClassNode;

  entity!: ParentBindingRequest;

  static from(r: ParentBindingRequest, names: { childName: string; parentName: string; parentUsername: string }, cls: ClassNode): ParentBindingRequestNode {
    return Object.assign(new ParentBindingRequestNode(), {
      id: toGlobalId('ParentBindingRequest', r.id), status: r.status, automatic: r.automatic, relation: r.relation, consent: r.consent,
      reason: r.reason, createdAt: r.createdAt, decidedAt: r.decidedAt, class: cls, entity: r, ...names,
    });
  }
}

@ObjectType({ description: 'Result of a binding request or decision' })
export class ParentBindingPayload extends MutationPayload {
  @Field(() => ParentBindingRequestNode, { nullable: true, description: 'The request' }) request!: ParentBindingRequestNode | null;
}

@ObjectType({ description: 'A parent registered (and is signed in), with their binding request' })
export class ParentRegisterPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Bearer token for the Authorization header' }) token!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the token stops working' }) expiresAt!: Date | null;
  @Field(() => UserNode, { nullable: true, description: 'The parent' }) user!: UserNode | null;
  @Field(() => ParentBindingRequestNode, { nullable: true, description: 'The request: approved at once when the roster lists the parent for the child, otherwise waiting for the head teacher' })
  request!: ParentBindingRequestNode | null;
}

@ObjectType({ description: "A class's new join code" })
export class ClassJoinCodePayload extends MutationPayload {
  @Field(() => ClassNode, { nullable: true, description: 'The class' }) class!: ClassNode | null;
  @Field(() => String, { nullable: true, description: 'The new join code; the old one no longer works' }) joinCode!: string | null;
}
