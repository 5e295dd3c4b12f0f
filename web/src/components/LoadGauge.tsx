import { Typography } from 'antd';
import { graphql, type FragmentType, getFragmentData } from '../graphql';
import { formatShortDay } from '../format';

/** What the gauge reads of a class's day: the cap and what each published subject takes. */
export const LoadGaugePreviewFragment = graphql(`
  fragment LoadGauge_preview on LoadPreview {
    capMinutes
    dayKind
    subjects { heaviestWrittenMinutes assignment { id status subject { id name } } }
    subjectBudgets { availableMinutes budgetMinutes releasedMinutes receivedMinutes subject { id name } }
  }
`);

const DAY_KIND_NAMES = { SCHOOL_DAY: '上学日', WEEKEND: '周末', HOLIDAY: '节假日' } as const;
const OTHER_COLORS = ['#5b7f95', '#8c6d46', '#6f5f9a', '#4d7f5b', '#93617a'];

/**
 * The class-day load bar: minutes other subjects have already published, this assignment's
 * heaviest choice, and the cap, in one bar that turns red with the exact excess. It is the
 * same sum the service checks on publishing (the heaviest choice of every subject).
 */
export function LoadGauge(props: {
  preview: FragmentType<typeof LoadGaugePreviewFragment>;
  /** The subject being composed: its own published line is replaced by `thisMinutes`. */
  subjectId: string;
  thisMinutes: number;
  /** The day, named in the title, where several days are shown (homework over several days); absent: 当天. */
  day?: string;
}) {
  const preview = getFragmentData(LoadGaugePreviewFragment, props.preview);
  const others = preview.subjects.filter((s) => s.assignment.subject.id !== props.subjectId && s.assignment.status === 'PUBLISHED');
  const othersMinutes = others.reduce((sum, s) => sum + s.heaviestWrittenMinutes, 0);
  const total = othersMinutes + props.thisMinutes;
  const cap = preview.capMinutes;
  const excess = Math.max(0, total - cap);
  const scale = Math.max(cap, total, 1);
  const pct = (m: number) => `${(m / scale) * 100}%`;
  const over = excess > 0;
  const dayName = props.day ? formatShortDay(props.day) : '当天';
  const summary = over
    ? `超出上限 ${excess} 分钟`
    : cap === 0
      ? '这一天不布置家庭书面作业'
      : `还可布置 ${cap - total} 分钟`;

  // The subject's own share of the day, where the head teacher set budgets (null: the cap alone).
  const budgetLine = preview.subjectBudgets?.find((l) => l.subject.id === props.subjectId);
  const budget = preview.subjectBudgets ? budgetLine?.availableMinutes ?? 0 : null;
  const overBudget = budget !== null && props.thisMinutes > budget;

  return (
    <section className="gauge" aria-label={`本班${dayName}书面作业总量`}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, marginBottom: 6 }}>
        <Typography.Text strong>本班{dayName}家庭书面作业（{DAY_KIND_NAMES[preview.dayKind]}）</Typography.Text>
        <Typography.Text strong style={{ color: over ? '#c41d1d' : '#1d5e08' }} data-testid="gauge-summary">
          {total} / {cap} 分钟 · {summary}
        </Typography.Text>
      </div>
      <div
        className="gauge-bar"
        role="meter"
        aria-label="书面作业总量"
        aria-valuemin={0}
        aria-valuemax={Math.max(cap, total)}
        aria-valuenow={total}
        aria-valuetext={`共 ${total} 分钟，上限 ${cap} 分钟，${summary}`}
        style={{ outline: over ? '2px solid #c41d1d' : undefined }}
      >
        {others.map((s, i) => (
          <div key={s.assignment.id} className="gauge-seg" style={{ width: pct(s.heaviestWrittenMinutes), background: OTHER_COLORS[i % OTHER_COLORS.length] }} />
        ))}
        <div className="gauge-seg" style={{ width: pct(props.thisMinutes), background: over ? '#c41d1d' : '#1f6f5c' }} />
        <div className="gauge-cap" style={{ left: `calc(${pct(cap)} - 1px)` }} aria-hidden />
      </div>
      <div className="gauge-legend">
        {others.map((s, i) => (
          <span key={s.assignment.id}>
            <span className="swatch" style={{ background: OTHER_COLORS[i % OTHER_COLORS.length] }} />
            {s.assignment.subject.name}（已发布）{s.heaviestWrittenMinutes} 分钟
          </span>
        ))}
        {others.length === 0 && <span>其他学科尚未布置</span>}
        <span>
          <span className="swatch" style={{ background: over ? '#c41d1d' : '#1f6f5c' }} />
          本次最重选择 {props.thisMinutes} 分钟
        </span>
        <span>
          <span className="swatch" style={{ background: '#1f1f1f', width: 2 }} />
          上限 {cap} 分钟
        </span>
      </div>
      {budget !== null && (
        <Typography.Text strong style={{ display: 'block', marginTop: 6, color: overBudget ? '#c41d1d' : '#1d5e08' }} data-testid="gauge-budget">
          本学科当天预算 {budget} 分钟
          {budgetLine && (budgetLine.releasedMinutes > 0 || budgetLine.receivedMinutes > 0)
            ? `（每周预算 ${budgetLine.budgetMinutes}，让出 ${budgetLine.releasedMinutes}，获得 ${budgetLine.receivedMinutes}）` : ''}
          · 本次最重选择 {props.thisMinutes} 分钟 · {overBudget ? `超出预算 ${props.thisMinutes - budget} 分钟` : `预算还剩 ${budget - props.thisMinutes} 分钟`}
        </Typography.Text>
      )}
    </section>
  );
}
