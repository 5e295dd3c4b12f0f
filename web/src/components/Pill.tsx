import type { ReactNode } from 'react';

/** A small label (tier, form, state) whose colours keep text contrast above 4.5:1. */
const TONES = {
  green: { color: '#1d5e08', background: '#effbe6', border: '#b7eb8f' },
  blue: { color: '#0b3d91', background: '#e8f1ff', border: '#a8c8f5' },
  purple: { color: '#3b1782', background: '#f6efff', border: '#d3adf7' },
  red: { color: '#a3121c', background: '#fff0f0', border: '#ffa39e' },
  orange: { color: '#7a3300', background: '#fff5e6', border: '#ffd591' },
  gray: { color: '#3a3a3a', background: '#f3f3f3', border: '#d9d9d9' },
} as const;

export type PillTone = keyof typeof TONES;

export function Pill({ tone = 'gray', children, title }: { tone?: PillTone; children: ReactNode; title?: string }) {
  const t = TONES[tone];
  return (
    <span
      title={title}
      style={{
        display: 'inline-block', padding: '0 8px', marginInlineEnd: 6, lineHeight: '22px', fontSize: 13,
        borderRadius: 4, border: `1px solid ${t.border}`, color: t.color, background: t.background, whiteSpace: 'nowrap',
      }}
    >
      {children}
    </span>
  );
}
