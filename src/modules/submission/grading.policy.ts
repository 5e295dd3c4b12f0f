import { AssignmentShape } from '../assignment/assignment.policy';
import { MarkQuality, SubmissionStatus } from './submission.entity';

/**
 * The mark decision as pure functions.
 *
 * A mark is tier × quality (seed 004, "三三三": 根据学生的作业质量又分为三个等次 A+ / A / A−, B+ / B / B−,
 * C+ / C / C−): the letter is the level the student did, the teacher marks the quality within
 * it; for packages, the package's key with + / plain / −. Every mark carries a comment (seeds
 * 002, 004: 指导性和激励性评语), and the teacher may send the work back for a correction
 * (纠必复批).
 */

/** The level a choice is marked at: the letter of a 三三三 level (B2 and B3 are both B); a package is its own key. */
export function levelOfChoice(shape: AssignmentShape, choice: string): string {
  return shape === AssignmentShape.THREE_PART ? choice.charAt(0) : choice;
}

const MARK = /^([A-Z0-9]{1,3})([+\-−]?)$/;

/** Reads a mark as written by a teacher (`B+`, `C−`, `A-`, `A`); null when it is not one. */
export function parseMark(text: string): { level: string; quality: MarkQuality } | null {
  const m = MARK.exec(text.trim());
  if (!m) return null;
  const quality = m[2] === '+' ? MarkQuality.PLUS : m[2] === '' ? MarkQuality.PLAIN : MarkQuality.MINUS;
  return { level: m[1], quality };
}

/** How a mark is shown: the level and + / − (a typographic minus). */
export function markLabel(level: string, quality: MarkQuality): string {
  return level + (quality === MarkQuality.PLUS ? '+' : quality === MarkQuality.MINUS ? '−' : '');
}

/** The fewest characters of a teacher's comment, spaces at either end left out. */
export const MIN_MARK_COMMENT_LENGTH = 5;

/** What a teacher sends to mark the latest version of a submission. */
export interface MarkRequest {
  shape: AssignmentShape;
  /** The package or level the student did. */
  choice: string;
  /** Where the submission stands. */
  status: SubmissionStatus;
  /** The mark as written, e.g. `B+`. */
  mark: string;
  comment: string;
  requestCorrection: boolean;
}

/** What is recorded: the mark and its comment, and where the submission stands afterwards. */
export interface MarkDecision {
  level: string;
  quality: MarkQuality;
  /** The comment without spaces at either end. */
  comment: string;
  status: SubmissionStatus;
}

export type MarkProblem =
  | { rule: 'NOTHING_TO_MARK' }
  | { rule: 'COMMENT_TOO_SHORT'; min: number }
  | { rule: 'MARK_LEVEL_MISMATCH'; level: string; plus: string; minus: string; mark: string };

/**
 * Decides a mark, or the first problem with it: only work awaiting a mark is marked (the latest
 * version, once); the comment has at least MIN_MARK_COMMENT_LENGTH characters; the letter is
 * the level the student did (a C-level submission cannot get an A). Asking for a correction
 * sends the work back to the student; otherwise it is marked.
 */
export function decideMark(r: MarkRequest): { decision: MarkDecision } | { problem: MarkProblem } {
  if (r.status !== SubmissionStatus.AWAITING_MARK) return { problem: { rule: 'NOTHING_TO_MARK' } };
  const comment = r.comment.trim();
  if (comment.length < MIN_MARK_COMMENT_LENGTH) return { problem: { rule: 'COMMENT_TOO_SHORT', min: MIN_MARK_COMMENT_LENGTH } };
  const parsed = parseMark(r.mark);
  const level = levelOfChoice(r.shape, r.choice);
  if (!parsed || parsed.level !== level) {
    return {
      problem: {
        rule: 'MARK_LEVEL_MISMATCH', level, plus: markLabel(level, MarkQuality.PLUS), minus: markLabel(level, MarkQuality.MINUS), mark: r.mark,
      },
    };
  }
  return {
    decision: {
      level, quality: parsed.quality, comment,
      status: r.requestCorrection ? SubmissionStatus.CORRECTION_REQUESTED : SubmissionStatus.MARKED,
    },
  };
}
