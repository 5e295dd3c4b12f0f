import { Button, Card, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AssignmentShape } from '../../../graphql/graphql';
import { Pill } from '../../../components/Pill';
import { FORM_NAMES, TIER_COLORS, TIER_NAMES } from '../../../format';
import { choicesOf, PACKAGE_KEYS, type DraftOption } from './plan';

/**
 * The parts (三三三) or packages being built, each with its items and minutes, and below them
 * every choice a student will have with its predicted minutes and range — live as items move.
 */
export function OptionsEditor(props: {
  shape: AssignmentShape;
  options: DraftOption[];
  onChange: (options: DraftOption[]) => void;
}) {
  const { shape, options, onChange } = props;
  const update = (key: string, change: (o: DraftOption) => DraftOption) => onChange(options.map((o) => (o.key === key ? change(o) : o)));
  const choices = choicesOf(shape, options);

  return (
    <div className="stack">
      {options.map((o) => {
        const total = o.items.reduce((s, i) => s + i.minutes, 0);
        const written = o.items.filter((i) => i.form === 'WRITTEN' && i.atHome).reduce((s, i) => s + i.minutes, 0);
        return (
          <Card
            key={o.key}
            size="small"
            title={<span>{o.name}{shape === 'THREE_PART' && o.key === '1' ? '（必做）' : shape === 'THREE_PART' ? '（选做）' : ''}</span>}
            role="region"
            aria-label={o.name}
          >
            <div className="item-meta minutes">共 {total} 分钟 · 其中家庭书面 {written} 分钟</div>
            {o.items.length === 0 && <Typography.Text type="secondary">从左侧资源库把题目加入这里。</Typography.Text>}
            {o.items.map((item) => (
              <div key={item.itemId} className="item-row">
                <div className="item-main">
                  <div className="item-title">{item.title}</div>
                  <div className="item-meta">
                    <Pill tone={TIER_COLORS[item.tier]}>{TIER_NAMES[item.tier]}</Pill>
                    <Pill>{FORM_NAMES[item.form]}</Pill>
                    <span className="minutes">{item.minutes} 分钟</span>
                  </div>
                </div>
                <div className="item-actions" style={{ alignItems: 'center' }}>
                  <Switch
                    checked={item.atHome}
                    checkedChildren="在家"
                    unCheckedChildren="在校"
                    aria-label={`「${item.title}」在家完成`}
                    onChange={(atHome) => update(o.key, (x) => ({ ...x, items: x.items.map((i) => (i.itemId === item.itemId ? { ...i, atHome } : i)) }))}
                  />
                  <Button
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={`从${o.name}移除「${item.title}」`}
                    onClick={() => update(o.key, (x) => ({ ...x, items: x.items.filter((i) => i.itemId !== item.itemId) }))}
                  />
                </div>
              </div>
            ))}
          </Card>
        );
      })}
      {shape === 'PACKAGES' && (
        <div style={{ display: 'flex', gap: 8 }}>
          <Button icon={<PlusOutlined />} disabled={options.length >= PACKAGE_KEYS.length}
            onClick={() => { const key = PACKAGE_KEYS[options.length]; onChange([...options, { key, name: `${key} 套餐`, items: [] }]); }}>
            添加套餐
          </Button>
          <Button disabled={options.length <= 2} onClick={() => onChange(options.slice(0, -1))}>删除最后一个套餐</Button>
        </div>
      )}
      <section aria-label="学生可选的层级与用时">
        <Typography.Title level={4} style={{ fontSize: 15, margin: '4px 0 8px' }}>学生可选{shape === 'THREE_PART' ? '的层级' : '的套餐'}</Typography.Title>
        <div className="choice-grid">
          {choices.map((c) => (
            <div key={c.key} style={{ border: '1px solid #e5e8e7', borderRadius: 8, padding: '8px 10px', background: '#fff' }} data-testid={`choice-${c.key}`}>
              <div style={{ fontWeight: 500 }}>{c.label}</div>
              <div className="item-meta minutes">预计 {c.totalMinutes} 分钟（{c.minMinutes}–{c.maxMinutes} 分钟）</div>
              <div className="item-meta minutes">其中家庭书面 {c.writtenHomeMinutes} 分钟</div>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
