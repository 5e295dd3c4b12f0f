import { registerEnumType } from 'type-graphql';

/** The tier of a bank item (seed 004: 基础题 / 提高题 / 拓展题). */
export enum Tier {
  BASIC = 'basic',
  IMPROVING = 'improving',
  EXTENDING = 'extending',
}

/**
 * Forms of homework. Only written homework counts against the written-time caps; every form
 * done at home counts against a school's total-time cap. Labour (家务劳动), physical exercise
 * (体育锻炼) and reading after school are encouraged (seed 000).
 */
export enum HomeworkForm {
  WRITTEN = 'written',
  ORAL = 'oral',
  READING = 'reading',
  PRACTICAL = 'practical',
  INQUIRY = 'inquiry',
  FUN = 'fun',
  INDIVIDUAL = 'individual',
  LABOUR = 'labour',
  EXERCISE = 'exercise',
}

export enum ObjectiveKind {
  KNOWLEDGE = 'knowledge',
  ABILITY = 'ability',
  LITERACY = 'literacy',
}

export enum Provenance {
  SELECTED = 'selected',
  ADAPTED = 'adapted',
  CREATED = 'created',
}

export enum ItemStatus {
  DRAFT = 'draft',
  SUBMITTED = 'submitted',
  APPROVED = 'approved',
  RETURNED = 'returned',
  RETIRED = 'retired',
}

/** The four "142" combinations: each item stands on one side of each pair. */
export enum RoutineOrStage {
  ROUTINE = 'routine',
  STAGE = 'stage',
}
export enum PrescribedOrSelfChosen {
  PRESCRIBED = 'prescribed',
  SELF_CHOSEN = 'self_chosen',
}
export enum KnowledgeOrFun {
  KNOWLEDGE = 'knowledge',
  FUN = 'fun',
}
export enum PracticalOrHumanistic {
  PRACTICAL = 'practical',
  HUMANISTIC = 'humanistic',
}

registerEnumType(Tier, {
  name: 'Tier',
  description: 'Tier of a bank item',
  valuesConfig: {
    BASIC: { description: '基础' },
    IMPROVING: { description: '提高' },
    EXTENDING: { description: '拓展' },
  },
});
registerEnumType(HomeworkForm, {
  name: 'HomeworkForm',
  description: "Form of homework; only WRITTEN counts against the written-time caps, every form at home against the school's total-time cap",
  valuesConfig: {
    WRITTEN: { description: '书面' },
    ORAL: { description: '口头' },
    READING: { description: '阅读' },
    PRACTICAL: { description: '实践' },
    INQUIRY: { description: '探究' },
    FUN: { description: '趣味' },
    INDIVIDUAL: { description: '个性化' },
    LABOUR: { description: '家务劳动' },
    EXERCISE: { description: '体育锻炼' },
  },
});
registerEnumType(ObjectiveKind, {
  name: 'ObjectiveKind',
  description: 'Kind of unit objective',
  valuesConfig: {
    KNOWLEDGE: { description: '知识' },
    ABILITY: { description: '能力' },
    LITERACY: { description: '素养' },
  },
});
registerEnumType(Provenance, {
  name: 'Provenance',
  description: 'Where an item comes from',
  valuesConfig: {
    SELECTED: { description: '选编: taken as it is from a source' },
    ADAPTED: { description: '改编: adapted from another bank item' },
    CREATED: { description: '创编: written by the group' },
  },
});
registerEnumType(ItemStatus, {
  name: 'ItemStatus',
  description: 'Review status of a bank item (of its working version)',
  valuesConfig: {
    DRAFT: { description: 'Being written; members of the group may edit it' },
    SUBMITTED: { description: 'Waiting for the group lead to review it' },
    APPROVED: { description: 'Approved; its approved version may be assigned' },
    RETURNED: { description: 'Returned by the reviewer with a comment; editable again' },
    RETIRED: { description: 'No longer offered for new assignments; old assignments keep it' },
  },
});
registerEnumType(RoutineOrStage, {
  name: 'RoutineOrStage',
  description: '"142": 常规性 or 阶段性',
  valuesConfig: { ROUTINE: { description: '常规性' }, STAGE: { description: '阶段性' } },
});
registerEnumType(PrescribedOrSelfChosen, {
  name: 'PrescribedOrSelfChosen',
  description: '"142": 规定性 or 自主性',
  valuesConfig: { PRESCRIBED: { description: '规定性' }, SELF_CHOSEN: { description: '自主性' } },
});
registerEnumType(KnowledgeOrFun, {
  name: 'KnowledgeOrFun',
  description: '"142": 知识性 or 趣味性',
  valuesConfig: { KNOWLEDGE: { description: '知识性' }, FUN: { description: '趣味性' } },
});
registerEnumType(PracticalOrHumanistic, {
  name: 'PracticalOrHumanistic',
  description: '"142": 实践性 or 人文性',
  valuesConfig: { PRACTICAL: { description: '实践性' }, HUMANISTIC: { description: '人文性' } },
});
