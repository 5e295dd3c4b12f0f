import { Alert, InputNumber, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useId } from 'react';
import { DayPicker } from '../../../components/DayPicker';
import { formatShortDay } from '../../../format';
import { apportion, daysOf, MAX_SPAN_DAYS, resizeShares } from './span';

export interface SpanValue {
  /** The last day; the same as the first for one day's homework. */
  dueDay: string;
  /** One share per day from the first to the last. */
  shares: number[];
}

/**
 * One day's homework, or homework over several days (周末、节假日作业, a week's reading, a project):
 * its last day and how its minutes are spread, with each day's written minutes as they will be counted.
 */
export function SpanEditor({ firstDay, value, onChange, heaviestMinutes, disabled }: {
  firstDay: string;
  value: SpanValue;
  onChange: (v: SpanValue) => void;
  /** Written minutes at home of the heaviest choice, all days together. */
  heaviestMinutes: number;
  disabled?: boolean;
}) {
  const id = useId();
  const multi = value.dueDay !== firstDay;
  const days = daysOf(firstDay, value.dueDay);
  const perDay = apportion(heaviestMinutes, value.shares);
  const tooLong = dayjs(value.dueDay).diff(dayjs(firstDay), 'day') + 1 > MAX_SPAN_DAYS;
  const setDue = (dueDay: string) => onChange({ dueDay, shares: resizeShares(value.shares, daysOf(firstDay, dueDay).length) });

  return (
    <div className="stack" style={{ gap: 8 }}>
      <div className="toolbar">
        <div className="field">
          <span id={`${id}-kind`}>完成时间</span>
          <Radio.Group aria-labelledby={`${id}-kind`} optionType="button" value={multi ? 'multi' : 'one'} disabled={disabled}
            onChange={(e) => setDue(e.target.value === 'multi' ? dayjs(firstDay).add(1, 'day').format('YYYY-MM-DD') : firstDay)}
            options={[{ value: 'one', label: '当天完成' }, { value: 'multi', label: '跨多天（周末、假期、阅读、实践）' }]} />
        </div>
        {multi && <DayPicker value={value.dueDay} onChange={setDue} label="截止日期" />}
      </div>
      {multi && value.dueDay < firstDay && <Alert type="error" showIcon title="截止日期不能早于开始日期。" />}
      {multi && tooLong && <Alert type="error" showIcon title={`多日作业最长 ${MAX_SPAN_DAYS} 天，请缩短。`} />}
      {multi && value.dueDay > firstDay && !tooLong && (
        <div>
          <Typography.Text type="secondary">
            每天的分量（相对比例，0 表示当天不安排）：作业时长按比例分到每一天，计入当天的总量检查、作业公示和记录单。
          </Typography.Text>
          <div className="span-days" role="list" aria-label="每日分量">
            {days.map((day, i) => (
              <div key={day} role="listitem" className="span-day">
                <label htmlFor={`${id}-${i}`}>{formatShortDay(day)}</label>
                <InputNumber id={`${id}-${i}`} min={0} max={100} precision={0} size="small" value={value.shares[i]} disabled={disabled}
                  onChange={(n) => onChange({ ...value, shares: value.shares.map((w, j) => (j === i ? Number(n ?? 0) : w)) })} />
                <span className="span-minutes">书面 {perDay[i] ?? 0} 分钟</span>
              </div>
            ))}
          </div>
          {value.shares.every((w) => w === 0) && <Alert type="error" showIcon title="每天的分量不能全为 0。" />}
        </div>
      )}
    </div>
  );
}
