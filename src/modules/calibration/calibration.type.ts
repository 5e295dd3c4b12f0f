import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BankItemNode } from '../bank/bank.type';
import { UserNode } from '../user/user.type';

@ObjectType('ItemCalibration', { description: 'Observed against predicted minutes of one item version' })
export class ItemCalibrationNode {
  @Field(() => BankItemNode, { description: 'The item' }) item!: BankItemNode;
  @Field(() => Int, { description: 'The version' }) versionNo!: number;
  @Field(() => Int, { description: "The teacher's estimate" }) predictedMinutes!: number;
  @Field(() => Int, { description: 'Observations' }) observations!: number;
  @Field(() => Float, { description: 'Median observed minutes' }) medianMinutes!: number;
  @Field(() => Float, { description: '80th percentile of observed minutes' }) p80Minutes!: number;
  @Field(() => Int, { nullable: true, description: 'Used by new assignments once there are enough observations' }) calibratedMinutes!: number | null;
  @Field(() => Float, { description: 'Median observed ÷ estimate' }) ratio!: number;
  @Field({ description: 'Off by more than the school ratio either way' }) off!: boolean;
}

@ObjectType('TeacherBias', { description: "A teacher's estimation bias" })
export class TeacherBiasNode {
  @Field(() => UserNode, { description: 'The teacher who estimated' }) teacher!: UserNode;
  @Field(() => Float, { description: 'Median of actual ÷ predicted' }) bias!: number;
  @Field(() => Int, { description: 'Observations' }) observations!: number;
}

@ObjectType('GroupCalibration', { description: "Calibration of a research group's items" })
export class GroupCalibrationNode {
  @Field(() => Float, { description: 'The ratio beyond which an estimate is off' }) overrunRatio!: number;
  @Field(() => Int, { description: 'Observations needed before calibrated minutes are used' }) threshold!: number;
  @Field(() => Float, { nullable: true, description: 'Median of actual ÷ predicted over all observations' }) groupBias!: number | null;
  @Field(() => [TeacherBiasNode], { description: 'Per teacher' }) teacherBiases!: TeacherBiasNode[];
  @Field(() => [ItemCalibrationNode], { description: 'Items with observations, most off first' }) items!: ItemCalibrationNode[];
  @Field(() => [ItemCalibrationNode], { description: 'Items whose estimate is off by more than the ratio' }) offItems!: ItemCalibrationNode[];
}
