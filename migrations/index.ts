import { Foundation1763856000000 } from './1763856000000-Foundation';
import { HomeworkBank1763942400000 } from './1763942400000-HomeworkBank';
import { Assignments1764028800000 } from './1764028800000-Assignments';
import { Submissions1764115200000 } from './1764115200000-Submissions';
import { RecordSheets1764201600000 } from './1764201600000-RecordSheets';
import { LoginThrottle1764288000000 } from './1764288000000-LoginThrottle';
import { MinorsData1764374400000 } from './1764374400000-MinorsData';
import { IdempotencyKeys1764460800000 } from './1764460800000-IdempotencyKeys';
import { RowLevelSecurity1764547200000 } from './1764547200000-RowLevelSecurity';
import { SearchUnderRowLevelSecurity1764633600000 } from './1764633600000-SearchUnderRowLevelSecurity';
import { RecordSheetEntriesByAssignment1764720000000 } from './1764720000000-RecordSheetEntriesByAssignment';
import { CalibrationQueue1764806400000 } from './1764806400000-CalibrationQueue';
import { MarkingQueueByAssignment1764892800000 } from './1764892800000-MarkingQueueByAssignment';
import { LoginAttemptsPrivate1764979200000 } from './1764979200000-LoginAttemptsPrivate';
import { ClientKeysForEveryCreate1765065600000 } from './1765065600000-ClientKeysForEveryCreate';
import { AccessLogResources1765152000000 } from './1765152000000-AccessLogResources';
import { SchoolStructure1765238400000 } from './1765238400000-SchoolStructure';
import { AccountIssuance1765290000000 } from './1765290000000-AccountIssuance';
import { DistributableBySchool1765295000000 } from './1765295000000-DistributableBySchool';
import { SchoolYearRollover1765700000000 } from './1765700000000-SchoolYearRollover';
import { StaffNumbers1765300000000 } from './1765300000000-StaffNumbers';
import { Attachments1765500000000 } from './1765500000000-Attachments';
import { ParentBinding1765400000000 } from './1765400000000-ParentBinding';
import { LoadOfEveryForm1765800000000 } from './1765800000000-LoadOfEveryForm';
import { PublishingTime1765801000000 } from './1765801000000-PublishingTime';
import { ItemsSuitedToSeveralGrades1765802000000 } from './1765802000000-ItemsSuitedToSeveralGrades';
import { WakeUpTimePerGrade1765803000000 } from './1765803000000-WakeUpTimePerGrade';
import { SubjectBudgets1765820000000 } from './1765820000000-SubjectBudgets';
import { WeeklyListReview1765830000000 } from './1765830000000-WeeklyListReview';
import { ParentMessageThreads1765840000000 } from './1765840000000-ParentMessageThreads';
import { StudentGroups1765850000000 } from './1765850000000-StudentGroups';
import { MultiDayAssignments1765860000000 } from './1765860000000-MultiDayAssignments';

/** Every migration, oldest first. Listed explicitly so compiled and ts-jest runs load the same set. */
export const MIGRATIONS = [Foundation1763856000000, HomeworkBank1763942400000, Assignments1764028800000, Submissions1764115200000,
  RecordSheets1764201600000, LoginThrottle1764288000000,
  MinorsData1764374400000, IdempotencyKeys1764460800000, RowLevelSecurity1764547200000,
  SearchUnderRowLevelSecurity1764633600000, RecordSheetEntriesByAssignment1764720000000,
  CalibrationQueue1764806400000, MarkingQueueByAssignment1764892800000, LoginAttemptsPrivate1764979200000, ClientKeysForEveryCreate1765065600000, AccessLogResources1765152000000,
  SchoolStructure1765238400000, AccountIssuance1765290000000, DistributableBySchool1765295000000, StaffNumbers1765300000000, ParentBinding1765400000000, Attachments1765500000000, SchoolYearRollover1765700000000,
  LoadOfEveryForm1765800000000, PublishingTime1765801000000, ItemsSuitedToSeveralGrades1765802000000,
  WakeUpTimePerGrade1765803000000, SubjectBudgets1765820000000,
  WeeklyListReview1765830000000, ParentMessageThreads1765840000000,
  StudentGroups1765850000000, MultiDayAssignments1765860000000];
