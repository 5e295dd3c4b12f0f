import { Assignment, AssignmentItem, AssignmentOption, StudentChoice } from './assignment/assignment.entity';
import { BankItem, BankItemObjective, BankItemVersion } from './bank/bank-item.entity';
import { Unit, UnitObjective } from './bank/unit.entity';
import { SchoolClass, TeachingAssignment } from './class/class.entity';
import { CalendarDay, LoadPolicy } from './load/load.entity';
import { ItemCalibration, RecordSheet, RecordSheetEntry } from './record-sheet/record-sheet.entity';
import { ResearchGroup, ResearchGroupMember } from './research-group/research-group.entity';
import { School, Subject, Term } from './school/school.entity';
import { Mark, PeerComment, Submission, SubmissionVersion } from './submission/submission.entity';
import { ParentLink, User, UserRole } from './user/user.entity';
import { WeeklyList, WeeklyListEntry } from './weekly-list/weekly-list.entity';

/** Every TypeORM entity; the schema itself is owned by migrations/. */
export const ENTITIES = [
  School, Term, Subject, SchoolClass, TeachingAssignment, User, UserRole, ParentLink,
  ResearchGroup, ResearchGroupMember, Unit, UnitObjective, BankItem, BankItemVersion, BankItemObjective,
  WeeklyList, WeeklyListEntry, LoadPolicy, CalendarDay, Assignment, AssignmentOption, AssignmentItem, StudentChoice,
  Submission, SubmissionVersion, Mark, PeerComment, RecordSheet, RecordSheetEntry, ItemCalibration,
];
