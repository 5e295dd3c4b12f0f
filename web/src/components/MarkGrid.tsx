import { Radio } from 'antd';

export const QUALITIES = [
  { suffix: '+', name: '优' },
  { suffix: '', name: '良' },
  { suffix: '−', name: '需努力' },
] as const;

/**
 * The tier × quality grid (A+ … C−). The letter is the level the student did, so only that
 * row can be chosen; the other rows are shown, disabled, so the teacher sees the whole scale.
 */
export function MarkGrid(props: { levels: string[]; allowed: string; value: string | null; onChange: (mark: string) => void }) {
  return (
    <Radio.Group
      aria-label="等级"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as string)}
      className="mark-grid"
      optionType="button"
      buttonStyle="solid"
    >
      {props.levels.map((level) => (
        <div key={level} role="presentation" style={{ display: 'flex', gap: 6 }}>
          {QUALITIES.map((q) => {
            const mark = level + q.suffix;
            return (
              <Radio.Button key={mark} value={mark} disabled={level !== props.allowed} style={{ minWidth: 56, textAlign: 'center' }}>
                {mark}
              </Radio.Button>
            );
          })}
        </div>
      ))}
    </Radio.Group>
  );
}
