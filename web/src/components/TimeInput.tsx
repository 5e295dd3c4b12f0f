import { TimePicker } from 'antd';
import dayjs from 'dayjs';

/**
 * A time of day (HH:mm, e.g. a bedtime) with Ant Design's picker in Chinese (the app's zh_CN
 * locale): hours and minutes to choose on a phone, or typed from the keyboard and confirmed
 * with Enter. The browser's own time field would read in the browser's language instead.
 */
export function TimeInput(props: { id: string; value: string; onChange: (time: string) => void; disabled?: boolean }) {
  const value = /^\d{2}:\d{2}$/.test(props.value) ? dayjs(`2000-01-01T${props.value}`) : null;
  return (
    <TimePicker
      id={props.id}
      format="HH:mm"
      value={value}
      disabled={props.disabled}
      needConfirm={false}
      showNow={false}
      placeholder="时:分"
      onChange={(v) => props.onChange(v ? v.format('HH:mm') : '')}
      style={{ width: 140 }}
    />
  );
}
