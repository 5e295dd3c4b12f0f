import {
  ItemStatus, KnowledgeOrFun, PracticalOrHumanistic, PrescribedOrSelfChosen, RoutineOrStage, Tier,
} from '../../src/modules/bank/bank.enums';
import {
  CoverageItem, coverageOf, editCreatesNewVersion, likePattern, normalizeText, searchGrams, searchTerms, transition,
} from '../../src/modules/bank/bank.policy';

describe('search text', () => {
  it('folds full-width and upper-case letters and collapses separators, Chinese punctuation included', () => {
    expect(normalizeText('ＡＢＣ　認識  分数，第１课')).toBe('abc 認識 分数 第1课');
    expect(normalizeText('中秋、分月饼!!')).toBe('中秋 分月饼');
    expect(normalizeText(' ——…… ')).toBe('');
  });

  it('indexes every character and every pair of neighbours within a run, never across a separator', () => {
    expect(searchGrams('认识分数').sort()).toEqual(['分', '分数', '数', '识', '识分', '认', '认识'].sort());
    expect(searchGrams('分数 加法')).not.toContain('数加');
    expect(searchGrams('分数，分数')).toEqual(['分', '数', '分数']);
    expect(searchGrams('')).toEqual([]);
  });

  it('finds "分数" inside "认识分数" by its bigram, and a one-character query by its unigram', () => {
    const indexed = new Set(searchGrams('认识分数'));
    const [term] = searchTerms('分数');
    expect(term).toEqual({ text: '分数', grams: ['分数'] });
    expect(term.grams.every((g) => indexed.has(g))).toBe(true);
    expect(searchTerms('数')).toEqual([{ text: '数', grams: ['数'] }]);
    expect(searchTerms('分数除法').every((t) => t.grams.every((g) => indexed.has(g)))).toBe(false);
  });

  it('splits a query on whitespace into terms that must all match', () => {
    expect(searchTerms('  分数　  月饼 ').map((t) => t.text)).toEqual(['分数', '月饼']);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms('abab')[0].grams).toEqual(['ab', 'ba']);
  });

  it('escapes LIKE wildcards so a term matches literally', () => {
    expect(likePattern('分数')).toBe('%分数%');
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
    expect(likePattern('a\\b')).toBe('%a\\\\b%');
  });
});

describe('review lifecycle', () => {
  it('an author edits a draft or a returned item, and editing an approved one starts a new draft version', () => {
    expect(transition(ItemStatus.DRAFT, 'edit')).toBe(ItemStatus.DRAFT);
    expect(transition(ItemStatus.RETURNED, 'edit')).toBe(ItemStatus.DRAFT);
    expect(transition(ItemStatus.APPROVED, 'edit')).toBe(ItemStatus.DRAFT);
    expect(editCreatesNewVersion(ItemStatus.APPROVED)).toBe(true);
    expect(editCreatesNewVersion(ItemStatus.DRAFT)).toBe(false);
    expect(editCreatesNewVersion(ItemStatus.RETURNED)).toBe(false);
  });

  it('an item under review or retired is not edited', () => {
    expect(transition(ItemStatus.SUBMITTED, 'edit')).toBeNull();
    expect(transition(ItemStatus.RETIRED, 'edit')).toBeNull();
  });

  it('drafts and returned items go to review; only an item under review is approved or returned', () => {
    expect(transition(ItemStatus.DRAFT, 'submit')).toBe(ItemStatus.SUBMITTED);
    expect(transition(ItemStatus.RETURNED, 'submit')).toBe(ItemStatus.SUBMITTED);
    for (const status of [ItemStatus.SUBMITTED, ItemStatus.APPROVED, ItemStatus.RETIRED]) expect(transition(status, 'submit')).toBeNull();
    expect(transition(ItemStatus.SUBMITTED, 'approve')).toBe(ItemStatus.APPROVED);
    expect(transition(ItemStatus.SUBMITTED, 'return')).toBe(ItemStatus.RETURNED);
    for (const status of [ItemStatus.DRAFT, ItemStatus.APPROVED, ItemStatus.RETURNED, ItemStatus.RETIRED]) {
      expect(transition(status, 'approve')).toBeNull();
      expect(transition(status, 'return')).toBeNull();
    }
  });

  it('any item but a retired one may be retired', () => {
    for (const status of [ItemStatus.DRAFT, ItemStatus.SUBMITTED, ItemStatus.APPROVED, ItemStatus.RETURNED]) {
      expect(transition(status, 'retire')).toBe(ItemStatus.RETIRED);
    }
    expect(transition(ItemStatus.RETIRED, 'retire')).toBeNull();
  });
});

describe('"142" coverage', () => {
  const item = (tier: Tier, objectiveIds: string[], over: Partial<CoverageItem> = {}): CoverageItem => ({
    tier, objectiveIds,
    routineOrStage: RoutineOrStage.ROUTINE, prescribedOrSelfChosen: PrescribedOrSelfChosen.PRESCRIBED,
    knowledgeOrFun: KnowledgeOrFun.KNOWLEDGE, practicalOrHumanistic: PracticalOrHumanistic.PRACTICAL, ...over,
  });

  it('004 「单元内的知识、能力、素养要全覆盖」: counts items per objective and tier and names the objectives no item covers', () => {
    const c = coverageOf(['o1', 'o2', 'o3'], [
      item(Tier.BASIC, ['o1', 'o2']), item(Tier.BASIC, ['o1']), item(Tier.EXTENDING, ['o2', 'elsewhere']),
    ], 1);
    expect(c.matrix.get('o1')).toEqual({ [Tier.BASIC]: 2, [Tier.IMPROVING]: 0, [Tier.EXTENDING]: 0 });
    expect(c.matrix.get('o2')).toEqual({ [Tier.BASIC]: 1, [Tier.IMPROVING]: 0, [Tier.EXTENDING]: 1 });
    expect(c.matrix.has('elsewhere')).toBe(false);
    expect(c.uncoveredObjectiveIds).toEqual(['o3']);
  });

  it('004 「分层个性作业全覆盖，并要有余量」: a tier with fewer items than the margin threshold has no margin', () => {
    const items = [item(Tier.BASIC, ['o1']), item(Tier.BASIC, ['o1']), item(Tier.BASIC, ['o1']), item(Tier.IMPROVING, ['o1']), item(Tier.IMPROVING, ['o1'])];
    const c = coverageOf(['o1'], items, 3);
    expect(c.itemsPerTier).toEqual({ [Tier.BASIC]: 3, [Tier.IMPROVING]: 2, [Tier.EXTENDING]: 0 });
    expect(c.tiersWithoutMargin).toEqual([Tier.IMPROVING, Tier.EXTENDING]);
    expect(coverageOf(['o1'], items, 2).tiersWithoutMargin).toEqual([Tier.EXTENDING]);
  });

  it("004 「常规性和阶段性相结合、规定性和自主性相结合、知识性与趣味性相结合、实践性和人文性相结合」: counts each side of the four pairs", () => {
    const c = coverageOf(['o1'], [
      item(Tier.BASIC, ['o1']),
      item(Tier.IMPROVING, ['o1'], {
        routineOrStage: RoutineOrStage.STAGE, prescribedOrSelfChosen: PrescribedOrSelfChosen.SELF_CHOSEN,
        knowledgeOrFun: KnowledgeOrFun.FUN, practicalOrHumanistic: PracticalOrHumanistic.HUMANISTIC,
      }),
      item(Tier.EXTENDING, [], { knowledgeOrFun: KnowledgeOrFun.FUN }),
    ], 1);
    expect(c.balance).toEqual({ routine: 2, stage: 1, prescribed: 2, selfChosen: 1, knowledge: 1, fun: 2, practical: 2, humanistic: 1 });
  });

  it('with no items every objective is uncovered and every tier lacks margin', () => {
    const c = coverageOf(['o1', 'o2'], [], 1);
    expect(c.uncoveredObjectiveIds).toEqual(['o1', 'o2']);
    expect(c.tiersWithoutMargin).toEqual([Tier.BASIC, Tier.IMPROVING, Tier.EXTENDING]);
  });
});
