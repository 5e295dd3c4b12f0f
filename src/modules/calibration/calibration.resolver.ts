import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { STAFF_ROLES } from '../../core/roles';
import { BankItemNode } from '../bank/bank.type';
import { userService } from '../user/user.service';
import { UserNode } from '../user/user.type';
import { calibrationService, ItemCalibrationLine } from './calibration.service';
import { GroupCalibrationNode, ItemCalibrationNode } from './calibration.type';

function lineNode(l: ItemCalibrationLine): ItemCalibrationNode {
  return {
    item: BankItemNode.from(l.item), versionNo: l.version.versionNo, predictedMinutes: l.version.predictedMinutes,
    observations: l.calibration.observations, medianMinutes: l.calibration.medianMinutes, p80Minutes: l.calibration.p80Minutes,
    calibratedMinutes: l.calibration.calibratedMinutes, ratio: Math.round(l.ratio * 100) / 100, off: l.off,
  };
}

@Resolver()
export class CalibrationResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => GroupCalibrationNode, { description: "Calibration of a research group's items and the estimation bias of the group and its teachers" })
  async researchGroupCalibration(@Arg('groupId', () => ID) groupId: string, @Ctx() ctx: RequestContext): Promise<GroupCalibrationNode> {
    const r = await calibrationService.groupCalibration(ctx, fromGlobalId(groupId, 'ResearchGroup', 'groupId'));
    return {
      overrunRatio: r.overrunRatio, threshold: r.threshold, groupBias: r.groupBias,
      items: r.lines.map(lineNode), offItems: r.lines.filter((l) => l.off).map(lineNode),
      teacherBiases: await Promise.all(r.teacherBiases.map(async (b) => ({ ...b, teacher: UserNode.from(await userService.get(ctx, b.teacherId)) }))),
    };
  }
}
