import { Button, Input, Space } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useId } from 'react';
import { formatDay } from '../format';

/**
 * A day, shown the Chinese way with its 星期, picked with the device's own date picker (a
 * wheel on phones, a calendar on computers, typed digits from the keyboard) or a day back and
 * forth with the arrows.
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
          <Input
            id={id}
            type="date"
            value={value}
            required
            onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && onChange(e.target.value)}
            style={{ width: 160 }}
          />
          <Button icon={<RightOutlined />} onClick={() => shift(1)} aria-label="后一天" />
        </Space.Compact>
        <strong className="day-shown" aria-live="polite">{formatDay(value)}</strong>
      </Space>
    </div>
  );
}
