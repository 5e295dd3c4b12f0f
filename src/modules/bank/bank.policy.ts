import { ItemStatus, KnowledgeOrFun, PracticalOrHumanistic, PrescribedOrSelfChosen, RoutineOrStage, Tier } from './bank.enums';

/**
 * Rules of the homework bank as pure functions: Chinese text search grams, the review
 * lifecycle, and the "142" coverage report.
 */

// ---------------------------------------------------------------- search

/** Letters and digits of any script are searchable; everything else separates runs. */
const SEPARATOR = /[^\p{L}\p{N}]+/u;

/** Lower-case, full-width folded (NFKC) text with runs of separators collapsed to one space. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().split(SEPARATOR).filter(Boolean).join(' ');
}

function gramsOfRun(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

/**
 * What an item is indexed by: every character and every pair of neighbouring characters of
 * its text. Chinese has no spaces between words, so "分数" is found inside "认识分数" by its
 * bigram; a one-character query is found by its unigram.
 */
export function searchGrams(text: string): string[] {
  const grams = new Set<string>();
  for (const run of normalizeText(text).split(' ')) {
    for (const ch of run) grams.add(ch);
    for (const g of gramsOfRun(run)) grams.add(g);
  }
  return [...grams];
}

export interface SearchTerm {
  /** The normalized term, re-checked as a substring. */
  text: string;
  /** Grams every match must contain (served by the GIN index). */
  grams: string[];
}

/** Splits a query on whitespace into terms; every term must match (two words narrow). */
export function searchTerms(query: string): SearchTerm[] {
  return normalizeText(query)
    .split(' ')
    .filter(Boolean)
    .map((text) => ({ text, grams: [...new Set(gramsOfRun(text))] }));
}

/** Escapes LIKE wildcards so a term matches literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------- lifecycle

export type ItemAction = 'edit' | 'submit' | 'approve' | 'return' | 'retire';

/** Status after an action, or null when the action is not allowed from `status`. */
export function transition(status: ItemStatus, action: ItemAction): ItemStatus | null {
  switch (action) {
    case 'edit':
      // Editing an approved item starts a new draft version; the approved one stays.
      return [ItemStatus.DRAFT, ItemStatus.RETURNED, ItemStatus.APPROVED].includes(status) ? ItemStatus.DRAFT : null;
    case 'submit':
      return [ItemStatus.DRAFT, ItemStatus.RETURNED].includes(status) ? ItemStatus.SUBMITTED : null;
    case 'approve':
      return status === ItemStatus.SUBMITTED ? ItemStatus.APPROVED : null;
    case 'return':
      return status === ItemStatus.SUBMITTED ? ItemStatus.RETURNED : null;
    case 'retire':
      return status === ItemStatus.RETIRED ? null : ItemStatus.RETIRED;
  }
}

/** Whether an edit changes the working version in place or starts a new version. */
export function editCreatesNewVersion(status: ItemStatus): boolean {
  return status === ItemStatus.APPROVED;
}

// ---------------------------------------------------------------- coverage

export interface CoverageItem {
  tier: Tier;
  objectiveIds: string[];
  routineOrStage: RoutineOrStage;
  prescribedOrSelfChosen: PrescribedOrSelfChosen;
  knowledgeOrFun: KnowledgeOrFun;
  practicalOrHumanistic: PracticalOrHumanistic;
}

export interface Coverage {
  /** objectiveId → tier → approved items covering it. */
  matrix: Map<string, Record<Tier, number>>;
  uncoveredObjectiveIds: string[];
  itemsPerTier: Record<Tier, number>;
  /** Tiers with fewer approved items than the margin threshold (no 余量). */
  tiersWithoutMargin: Tier[];
  balance: {
    routine: number; stage: number;
    prescribed: number; selfChosen: number;
    knowledge: number; fun: number;
    practical: number; humanistic: number;
  };
}

const TIERS = [Tier.BASIC, Tier.IMPROVING, Tier.EXTENDING];
const zeroTiers = (): Record<Tier, number> => ({ [Tier.BASIC]: 0, [Tier.IMPROVING]: 0, [Tier.EXTENDING]: 0 });

/**
 * The "two full coverages" of seed 004 for a set of objectives and the approved items:
 * every objective covered, every tier with margin, and the balance of the four pairs.
 */
export function coverageOf(objectiveIds: string[], items: CoverageItem[], marginThreshold: number): Coverage {
  const matrix = new Map(objectiveIds.map((id) => [id, zeroTiers()]));
  const itemsPerTier = zeroTiers();
  const balance = { routine: 0, stage: 0, prescribed: 0, selfChosen: 0, knowledge: 0, fun: 0, practical: 0, humanistic: 0 };
  for (const item of items) {
    itemsPerTier[item.tier]++;
    for (const id of item.objectiveIds) {
      const row = matrix.get(id);
      if (row) row[item.tier]++;
    }
    if (item.routineOrStage === RoutineOrStage.ROUTINE) balance.routine++; else balance.stage++;
    if (item.prescribedOrSelfChosen === PrescribedOrSelfChosen.PRESCRIBED) balance.prescribed++; else balance.selfChosen++;
    if (item.knowledgeOrFun === KnowledgeOrFun.KNOWLEDGE) balance.knowledge++; else balance.fun++;
    if (item.practicalOrHumanistic === PracticalOrHumanistic.PRACTICAL) balance.practical++; else balance.humanistic++;
  }
  return {
    matrix,
    uncoveredObjectiveIds: objectiveIds.filter((id) => TIERS.every((t) => matrix.get(id)![t] === 0)),
    itemsPerTier,
    tiersWithoutMargin: TIERS.filter((t) => itemsPerTier[t] < marginThreshold),
    balance,
  };
}
