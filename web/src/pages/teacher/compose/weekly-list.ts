import type { AssignmentShape, HomeworkForm, Tier } from '../../../graphql/graphql';
import type { DraftItem, DraftOption } from './plan';

/** An entry of the weekly list for the day, as the compose page loads it. */
export interface ListEntry {
  description: string;
  atHome: boolean;
  predictedMinutes: number;
  item: {
    id: string;
    countedMinutes: number | null;
    approvedVersion: { title: string; tier: Tier; form: HomeworkForm; predictedMinutes: number } | null;
  } | null;
}

/** 三三三: basic items go to the basic part, improving ones to the extending part, extending ones to the divergent part. */
const PART_OF_TIER: Record<Tier, string> = { BASIC: '1', IMPROVING: '2', EXTENDING: '3' };

/**
 * The draft the weekly list starts: each entry that names an approved bank item is placed (a
 * 三三三 part by its tier; in packages, the first package, which the teacher then varies), done
 * at home or in school as the list plans it. Entries without a bank item cannot be assigned as
 * they are and are returned to be shown.
 */
export function draftFromWeeklyList(shape: AssignmentShape, options: DraftOption[], entries: ListEntry[]): { options: DraftOption[]; notInBank: string[] } {
  const next = options.map((o) => ({ ...o, items: [] as DraftItem[] }));
  const notInBank: string[] = [];
  const placed = new Set<string>();
  for (const e of entries) {
    const v = e.item?.approvedVersion;
    if (!e.item || !v) {
      notInBank.push(e.description);
      continue;
    }
    if (placed.has(e.item.id)) continue;
    placed.add(e.item.id);
    const key = shape === 'THREE_PART' ? PART_OF_TIER[v.tier] : next[0].key;
    const option = next.find((o) => o.key === key) ?? next[0];
    option.items.push({ itemId: e.item.id, title: v.title, tier: v.tier, form: v.form, minutes: e.item.countedMinutes ?? v.predictedMinutes, atHome: e.atHome });
  }
  return { options: next, notInBank };
}

/** Whether nothing has been composed yet (no title, no item): the list may fill it without asking. */
export function isEmptyDraft(title: string, options: DraftOption[]): boolean {
  return !title.trim() && options.every((o) => o.items.length === 0);
}
