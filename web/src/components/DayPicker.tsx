import { Button, DatePicker, Space } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useId } from 'react';
import { formatDay } from '../format';

/**
 * A day, shown the Chinese way with its 星期, picked on Ant Design's calendar in Chinese (the
 * app's zh_CN locale; the browser's own date field would read in the browser's language), typed
 * as 2026-11-24 and confirmed with Enter, or a day back and forth with the arrows.
 */
export function DayPicker({ value, onChange, label = '日期' }: { value: string; onChange: (day: string) => void; label?: string }) {
  const id = useId();
  const shift = (days: number) => onChange(dayjs(value).add(days, 'day').format('YYYY-MM-DD'));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Space wrap size={8} align="center">
        <Space.Compact>
          <Button icon={<LeftOutlined />} onClick={() => shift(-1)} aria-label="前一天" />
          <DatePicker
            id={id}
            format="YYYY-MM-DD"
            value={dayjs(value)}
            allowClear={false}
            aria-required
            onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))}
            style={{ width: 150 }}
          />
          <Button icon={<RightOutlined />} onClick={() => shift(1)} aria-label="后一天" />
        </Space.Compact>
        <strong className="day-shown" aria-live="polite">{formatDay(value)}</strong>
      </Space>
    </div>
  );
}
