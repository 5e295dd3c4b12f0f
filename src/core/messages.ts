/**
 * The languages users read the service's messages in. Chinese is the default: the users are
 * teachers, students and parents of Chinese schools; English stays for the developers.
 */
export type Locale = 'zh-CN' | 'en';

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The figures and names a message is built from (a refusal's `details`). */
export type Figures = Readonly<Record<string, unknown>>;

/** One message in every locale, built from the figures of the case. */
export interface MessageText {
  zh: (f: Figures) => string;
  en: (f: Figures) => string;
}

/** A catalogue entry: a stable code, its description in the schema and its message. */
export interface MessageDef extends MessageText {
  readonly code: string;
  readonly description: string;
}

/**
 * Defines a catalogue of messages keyed by code; each entry's code is its key. Modules define
 * their refusals with it in `<module>.errors.ts`; core defines its own.
 */
export function defineMessages<K extends string>(
  texts: Record<K, MessageText & { description: string }>,
): { readonly [P in K]: MessageDef & { readonly code: P } } {
  const out = {} as Record<string, MessageDef>;
  for (const [code, text] of Object.entries(texts) as [K, MessageText & { description: string }][]) {
    out[code] = { code, ...text };
  }
  return out as { readonly [P in K]: MessageDef & { readonly code: P } };
}

/**
 * The message of `def` for `figures` in `locale`. A request's messages are written in the
 * request's locale (`RequestContext.locale`), where they are answered; Chinese is the default.
 */
export function render(def: MessageText, figures: Figures = {}, locale: Locale = DEFAULT_LOCALE): string {
  return locale === 'en' ? def.en(figures) : def.zh(figures);
}

/**
 * The locale asked for by an `Accept-Language` header: English when an English tag is
 * preferred to every Chinese one, Chinese otherwise (and when the header is missing).
 */
export function localeOf(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage ?? '';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((t) => t.tag && t.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-') || tag === '*') return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return DEFAULT_LOCALE;
}
