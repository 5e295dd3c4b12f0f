import { AssignmentShape, choicesOf, optionKeysOfChoice, THREE_PART_KEYS } from '../../src/modules/assignment/assignment.policy';

const parts = THREE_PART_KEYS.map((key) => ({ key, name: `第${key}部分` }));

describe('the parts a choice covers', () => {
  it('004 「完成三个部分的作业定为A级；完成两个部分的作业定为B级；只完成基础性作业，定为C级」', () => {
    expect(optionKeysOfChoice(AssignmentShape.THREE_PART, 'A')).toEqual(['1', '2', '3']);
    expect(optionKeysOfChoice(AssignmentShape.THREE_PART, 'B2')).toEqual(['1', '2']);
    expect(optionKeysOfChoice(AssignmentShape.THREE_PART, 'B3')).toEqual(['1', '3']);
    expect(optionKeysOfChoice(AssignmentShape.THREE_PART, 'C')).toEqual(['1']);
  });

  it('is the same map the choices offered are built from', () => {
    for (const c of choicesOf(AssignmentShape.THREE_PART, parts)) {
      expect(optionKeysOfChoice(AssignmentShape.THREE_PART, c.key)).toEqual(c.optionKeys);
    }
  });

  it('a package is itself; an unknown level covers the required basic part only', () => {
    expect(optionKeysOfChoice(AssignmentShape.PACKAGES, 'B')).toEqual(['B']);
    expect(optionKeysOfChoice(AssignmentShape.THREE_PART, 'D')).toEqual(['1']);
  });

  it('hands out copies: a caller changing what it got changes nothing for the next', () => {
    optionKeysOfChoice(AssignmentShape.THREE_PART, 'A').push('4');
    choicesOf(AssignmentShape.THREE_PART, parts)[0].optionKeys.push('4');
    expect(optionKeysOfChoice(AssignmentShape.THREE_PART, 'A')).toEqual(['1', '2', '3']);
    expect(choicesOf(AssignmentShape.THREE_PART, parts)[0].optionKeys).toEqual(['1', '2', '3']);
  });
});
