import { AssignmentShape } from '../../src/modules/assignment/assignment.policy';
import { MarkQuality, SubmissionStatus } from '../../src/modules/submission/submission.entity';
import { decideMark, levelOfChoice, markLabel, MarkRequest, MIN_MARK_COMMENT_LENGTH, parseMark } from '../../src/modules/submission/grading.policy';

const request = (over: Partial<MarkRequest> = {}): MarkRequest => ({
  shape: AssignmentShape.THREE_PART, choice: 'B2', status: SubmissionStatus.AWAITING_MARK,
  mark: 'B+', comment: '思路清楚，计算再细心些', requestCorrection: false, ...over,
});

describe('marks', () => {
  it('parse and print tier × quality', () => {
    expect(parseMark('B+')).toEqual({ level: 'B', quality: MarkQuality.PLUS });
    expect(parseMark('C−')).toEqual({ level: 'C', quality: MarkQuality.MINUS });
    expect(parseMark('A-')).toEqual({ level: 'A', quality: MarkQuality.MINUS });
    expect(parseMark(' A ')).toEqual({ level: 'A', quality: MarkQuality.PLAIN });
    expect(parseMark('a+')).toBeNull();
    expect(parseMark('B++')).toBeNull();
    expect(parseMark('')).toBeNull();
    expect(markLabel('B', MarkQuality.MINUS)).toBe('B−');
    expect(markLabel('C', MarkQuality.PLAIN)).toBe('C');
    expect(markLabel('A', MarkQuality.PLUS)).toBe('A+');
  });

  it('004 「完成两个部分的作业定为B级」: B2 and B3 are both marked at level B; a package at its own key', () => {
    expect(levelOfChoice(AssignmentShape.THREE_PART, 'A')).toBe('A');
    expect(levelOfChoice(AssignmentShape.THREE_PART, 'B2')).toBe('B');
    expect(levelOfChoice(AssignmentShape.THREE_PART, 'B3')).toBe('B');
    expect(levelOfChoice(AssignmentShape.THREE_PART, 'C')).toBe('C');
    expect(levelOfChoice(AssignmentShape.PACKAGES, 'A')).toBe('A');
    expect(levelOfChoice(AssignmentShape.PACKAGES, 'B2')).toBe('B2');
  });
});

describe('decideMark', () => {
  it('004 「根据学生的作业质量又分为三个等次」: records the level the student did and the quality the teacher gave, with the comment trimmed', () => {
    expect(decideMark(request({ comment: '  思路清楚，计算再细心些  ' }))).toEqual({
      decision: { level: 'B', quality: MarkQuality.PLUS, comment: '思路清楚，计算再细心些', status: SubmissionStatus.MARKED },
    });
    expect(decideMark(request({ choice: 'C', mark: 'C-' }))).toMatchObject({ decision: { level: 'C', quality: MarkQuality.MINUS } });
    expect(decideMark(request({ shape: AssignmentShape.PACKAGES, choice: 'A', mark: 'A' }))).toMatchObject({ decision: { level: 'A', quality: MarkQuality.PLAIN } });
  });

  it('「纠必复批」: asking for a correction sends the work back to the student', () => {
    expect(decideMark(request({ requestCorrection: true }))).toMatchObject({ decision: { status: SubmissionStatus.CORRECTION_REQUESTED } });
  });

  it('the letter of a mark is the level the student did: a C-level submission cannot receive an A', () => {
    expect(decideMark(request({ choice: 'C', mark: 'A+' }))).toEqual({
      problem: { rule: 'MARK_LEVEL_MISMATCH', level: 'C', plus: 'C+', minus: 'C−', mark: 'A+' },
    });
    expect(decideMark(request({ choice: 'B3', mark: 'B3' }))).toMatchObject({ problem: { rule: 'MARK_LEVEL_MISMATCH', level: 'B' } });
    expect(decideMark(request({ mark: '优' }))).toMatchObject({ problem: { rule: 'MARK_LEVEL_MISMATCH', mark: '优' } });
  });

  it('002 「使用指导性和激励性评语」: a comment of fewer than five characters besides the spaces at its ends is refused', () => {
    expect(MIN_MARK_COMMENT_LENGTH).toBe(5);
    expect(decideMark(request({ comment: ' 很好很好 ' }))).toEqual({ problem: { rule: 'COMMENT_TOO_SHORT', min: 5 } });
    expect(decideMark(request({ comment: '很好，继续' }))).toMatchObject({ decision: { comment: '很好，继续' } });
  });

  it('only work awaiting a mark is marked, and that is checked before the comment and the mark', () => {
    for (const status of [SubmissionStatus.MARKED, SubmissionStatus.CORRECTION_REQUESTED]) {
      expect(decideMark(request({ status, comment: '', mark: 'Z' }))).toEqual({ problem: { rule: 'NOTHING_TO_MARK' } });
    }
    // The comment is checked before the mark.
    expect(decideMark(request({ comment: '好', mark: 'A+' }))).toMatchObject({ problem: { rule: 'COMMENT_TOO_SHORT' } });
  });
});
