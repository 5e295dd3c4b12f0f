import { defineModule } from '../../core/module';
import { ItemCalibration } from './calibration.entity';
import { CalibrationMessages } from './calibration.errors';
import { CalibrationResolver } from './calibration.resolver';

/**
 * Calibration of predicted durations: how students' actual minutes become each item version's
 * calibrated minutes (calibration.policy.ts), the queue and worker that recompute them off the
 * hand-in's path (calibration-queue.ts), and the research groups' calibration report.
 */
export default defineModule({
  name: 'calibration',
  messages: [CalibrationMessages],
  entities: [ItemCalibration],
  resolvers: [CalibrationResolver],
});
