import { Button, Input, Select, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import { graphql } from '../../../graphql';
import type { HomeworkForm, Tier } from '../../../graphql/graphql';
import { useQuery } from '../../../app/client';
import { EmptyNote, Loadable } from '../../../components/PageState';
import { Pill } from '../../../components/Pill';
import { FORM_NAMES, TIER_COLORS, TIER_NAMES } from '../../../format';
import type { DraftItem, DraftOption } from './plan';

const BankSearchDocument = graphql(`
  query BankSearch($filter: BankItemFilterInput!, $first: Int!) {
    bankItems(filter: $filter, first: $first) {
      edges {
        node {
          id
          approvedVersionNo
          calibratedMinutes
          countedMinutes
          unit { title }
          approvedVersion { title body tier form predictedMinutes needsPhone needsParent repetitive }
        }
      }
      pageInfo { hasNextPage }
    }
  }
`);

const PAGE = 30;

/**
 * The unit homework bank of a subject and grade: search words, tier and form filters, each
 * item's predicted minutes and — once enough students' actual minutes were observed — its
 * calibrated minutes, which is what the service counts for a new assignment.
 */
export function BankBrowser(props: {
  subjectId: string;
  grade: number;
  groupId: string | null;
  options: DraftOption[];
  onAdd: (optionKey: string, item: DraftItem) => void;
}) {
  const [text, setText] = useState('');
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [forms, setForms] = useState<HomeworkForm[]>([]);
  const [first, setFirst] = useState(PAGE);
  const searchId = useId();
  const tierId = useId();
  const formId = useId();

  const filter = useMemo(
    () => ({
      subjectId: props.subjectId,
      grade: props.grade,
      statuses: ['APPROVED' as const],
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(tiers.length ? { tiers } : {}),
      ...(forms.length ? { forms } : {}),
    }),
    [props.subjectId, props.grade, text, tiers, forms],
  );
  const bank = useQuery(BankSearchDocument, { filter, first });

  const placed = new Set(props.options.flatMap((o) => o.items.map((i) => i.itemId)));

  return (
    <section aria-labelledby={`${searchId}-title`}>
      <Typography.Title level={3} id={`${searchId}-title`} style={{ fontSize: 17, marginTop: 0 }}>单元作业资源库</Typography.Title>
      <div className="toolbar">
        <div className="field" style={{ flex: '1 1 200px' }}>
          <label htmlFor={searchId}>搜索题目</label>
          <Input.Search id={searchId} placeholder="例如：小数乘整数" allowClear enterButton="搜索" onSearch={(v) => { setText(v); setFirst(PAGE); }} />
        </div>
        <div className="field" style={{ flex: '1 1 140px' }}>
          <label htmlFor={tierId}>层级</label>
          <Select<Tier[]> id={tierId} mode="multiple" allowClear placeholder="全部层级" value={tiers} onChange={setTiers}
            options={(Object.keys(TIER_NAMES) as Tier[]).map((t) => ({ value: t, label: TIER_NAMES[t] }))} />
        </div>
        <div className="field" style={{ flex: '1 1 140px' }}>
          <label htmlFor={formId}>形式</label>
          <Select<HomeworkForm[]> id={formId} mode="multiple" allowClear placeholder="全部形式" value={forms} onChange={setForms}
            options={(Object.keys(FORM_NAMES) as HomeworkForm[]).map((f) => ({ value: f, label: FORM_NAMES[f] }))} />
        </div>
      </div>
      <Loadable
        data={bank.data}
        error={bank.error}
        retry={() => void bank.refetch()}
        rows={8}
        empty={(d) => (d.bankItems.edges.length ? null : <EmptyNote>没有符合条件的已审核题目，换个关键词或放宽筛选试试。</EmptyNote>)}
      >
        {(d) => (
          <div className="bank-list" aria-busy={bank.loading}>
            {d.bankItems.edges.map(({ node }) => {
              const v = node.approvedVersion;
              if (!v || node.approvedVersionNo == null) return null;
              // The service says what an assignment will count (calibrated minutes win over the estimate).
              const minutes = node.countedMinutes ?? v.predictedMinutes;
              const blocked = v.needsPhone || v.repetitive || (v.needsParent && v.form !== 'PRACTICAL');
              return (
                <article key={node.id} className="item-row" aria-label={v.title}>
                  <div className="item-main">
                    <div className="item-title">{v.title}</div>
                    <div className="item-meta">
                      <Pill tone={TIER_COLORS[v.tier]}>{TIER_NAMES[v.tier]}</Pill>
                      <Pill>{FORM_NAMES[v.form]}</Pill>
                      <span className="minutes">预估 {v.predictedMinutes} 分钟</span>
                      {' · '}
                      <span className="minutes">
                        {node.calibratedMinutes != null ? `按实测校准 ${node.calibratedMinutes} 分钟（布置时按此计入）` : '尚未校准，按预估计入'}
                      </span>
                    </div>
                    <div className="item-meta">{node.unit.title}{blocked ? ' · 不可布置（需手机/家长或机械重复）' : ''}</div>
                  </div>
                  <div className="item-actions">
                    {props.options.map((o) => (
                      <Button
                        key={o.key}
                        size="small"
                        disabled={placed.has(node.id) || blocked}
                        aria-label={`把「${v.title}」加入${o.name}`}
                        onClick={() => props.onAdd(o.key, { itemId: node.id, title: v.title, tier: v.tier, form: v.form, minutes, atHome: true })}
                      >
                        ＋{o.name.replace('作业', '')}
                      </Button>
                    ))}
                  </div>
                </article>
              );
            })}
            {d.bankItems.pageInfo.hasNextPage && (
              <Button block onClick={() => setFirst((f) => Math.min(100, f + PAGE))} loading={bank.loading} disabled={first >= 100} style={{ marginTop: 8 }}>
                {first >= 100 ? '结果较多，请用关键词缩小范围' : '加载更多'}
              </Button>
            )}
          </div>
        )}
      </Loadable>
    </section>
  );
}
