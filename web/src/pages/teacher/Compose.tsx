import { Alert, App, Button, Card, Input, Popconfirm, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { graphql } from '../../graphql';
import type { AssignmentShape, UserErrorCode } from '../../graphql/graphql';
import { execute, newClientKey, RequestError, useQuery } from '../../app/client';
import { useViewer } from '../../app/viewer';
import { DayPicker } from '../../components/DayPicker';
import { LoadGauge } from '../../components/LoadGauge';
import { ErrorNote } from '../../components/PageState';
import { Pill } from '../../components/Pill';
import { useDayParam } from '../../components/useDayParam';
import { formatDay } from '../../format';
import { requestErrorText, userErrorText } from '../../messages';
import { BankBrowser } from './compose/BankBrowser';
import { OptionsEditor } from './compose/OptionsEditor';
import { WeeklyListStart } from './compose/WeeklyListStart';
import { SpanEditor, type SpanValue } from './compose/SpanEditor';
import { apportion, daysOf, MAX_SPAN_DAYS } from './compose/span';
import { SpanLoad, type SpanLoadDay } from './compose/SpanLoad';
import { heaviestWrittenMinutes, packageOptions, structureProblems, THREE_PART_OPTIONS, type DraftOption } from './compose/plan';

const ComposeDayDocument = graphql(`
  query ComposeDay($classId: ID!, $date: LocalDate!) {
    loadPreview(classId: $classId, date: $date) { ...LoadGauge_preview }
    classAssignments(classId: $classId, from: $date, to: $date) { id title status day dueDay subject { id } }
  }
`);

/** The class's groups kept for the subject (分层、个性化): homework may be addressed to one. */
const ComposeGroupsDocument = graphql(`
  query ComposeGroups($classId: ID!, $subjectId: ID!) {
    studentGroups(classId: $classId, subjectId: $subjectId) { id name members { id } }
  }
`);

const ComposeAssignmentDocument = graphql(`
  query ComposeAssignment($id: ID!) {
    assignment(id: $id) {
      id revision status day dueDay title shape
      spread { share }
      group { id }
      class { id grade }
      subject { id }
      options { key name items { atHome predictedMinutes versionNo item { id } content { title tier form } } }
    }
  }
`);

/** The draft as composed so far, counted by the service exactly as it would be saved (calibrated minutes win). */
const DraftLoadDocument = graphql(`
  query DraftLoad($classId: ID!, $date: LocalDate!, $draft: LoadDraftInput!) {
    loadPreview(classId: $classId, date: $date, draft: $draft) { draft { heaviestWrittenMinutes } }
  }
`);

const AssignmentCreateDocument = graphql(`
  mutation AssignmentCreate($input: AssignmentCreateInput!) {
    assignmentCreate(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }
  }
`);
const AssignmentUpdateDocument = graphql(`
  mutation AssignmentUpdate($input: AssignmentUpdateInput!) {
    assignmentUpdate(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }
  }
`);
const AssignmentPublishDocument = graphql(`
  mutation AssignmentPublish($input: AssignmentStepInput!) {
    assignmentPublish(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }
  }
`);
const AssignmentUnpublishDocument = graphql(`
  mutation AssignmentUnpublish($input: AssignmentStepInput!) {
    assignmentUnpublish(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }
  }
`);

interface Saved {
  id: string;
  revision: number;
  status: 'DRAFT' | 'PUBLISHED';
}
type Refusal = { code: UserErrorCode; figures: { name: string; value: number }[] };

/**
 * Compose and publish a class's homework in one subject for one day: pick the class and day,
 * build A/B packages or a 三三三 assignment from the unit bank, watch the class-day load gauge,
 * publish. A published one can be edited (checked again) or taken back to draft.
 */
export function Compose() {
  const { viewer } = useViewer();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const editingId = params.get('assignment');
  const [day, setDay] = useDayParam();
  const teaching = viewer.teachingAssignments;
  const [teachingId, setTeachingId] = useState(() => teaching.find((t) => t.id === params.get('teaching'))?.id ?? teaching[0]?.id);
  const current = teaching.find((t) => t.id === teachingId);
  const [shape, setShape] = useState<AssignmentShape>('THREE_PART');
  const [title, setTitle] = useState('');
  const [options, setOptions] = useState<DraftOption[]>(THREE_PART_OPTIONS);
  const [span, setSpan] = useState<SpanValue>({ dueDay: day, shares: [1] });
  /** The group it is addressed to; null: the whole class. */
  const [audience, setAudience] = useState<string | null>(null);
  const audienceId = useId();
  const multiDay = span.dueDay !== day;
  const [saved, setSaved] = useState<Saved | null>(null);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [listNotes, setListNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [loadingExisting, setLoadingExisting] = useState(false);
  const titleId = useId();
  const classId = useId();

  const dayQuery = useQuery(ComposeDayDocument, { classId: current?.class.id ?? '', date: day }, { skip: !current });
  const groupsQuery = useQuery(ComposeGroupsDocument, { classId: current?.class.id ?? '', subjectId: current?.subject.id ?? '' }, { skip: !current });
  const groups = groupsQuery.data?.studentGroups ?? [];
  // One day's homework: one per subject and day (homework over several days runs alongside it).
  const existing = multiDay ? undefined : dayQuery.data?.classAssignments.find((a) =>
    a.subject.id === current?.subject.id && a.id !== saved?.id && a.day === day && a.dueDay === day);
  const group = viewer.researchGroups.find((g) => g.subject.id === current?.subject.id && g.grade === current?.class.grade) ?? null;

  // "布置作业" (no assignment in the address) after editing one starts afresh.
  useEffect(() => {
    if (editingId || !saved) return;
    setSaved(null);
    setTitle('');
    setShape('THREE_PART');
    setOptions(THREE_PART_OPTIONS);
    setSpan({ dueDay: day, shares: [1] });
    setAudience(null);
    setRefusals([]);
    setProblem(null);
    setListNotes([]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editingId]);

  // Opening an existing assignment (from the list, or after a reload): each item names its bank item.
  useEffect(() => {
    if (!editingId || saved?.id === editingId) return;
    let cancelled = false;
    setLoadingExisting(true);
    (async () => {
      const { assignment } = await execute(ComposeAssignmentDocument, { id: editingId });
      const resolved: DraftOption[] = assignment.options.map((o) => ({
        key: o.key,
        name: o.name,
        items: o.items.map((i) => ({ itemId: i.item?.id ?? '', title: i.content.title, tier: i.content.tier, form: i.content.form, minutes: i.predictedMinutes, atHome: i.atHome })),
      }));
      if (cancelled) return;
      const t = teaching.find((x) => x.class.id === assignment.class.id && x.subject.id === assignment.subject.id);
      if (t) setTeachingId(t.id);
      setShape(assignment.shape);
      setTitle(assignment.title);
      setOptions(resolved);
      setSpan({ dueDay: assignment.dueDay, shares: assignment.spread.map((d) => d.share) });
      setAudience(assignment.group?.id ?? null);
      setSaved({ id: assignment.id, revision: assignment.revision, status: assignment.status });
      if (assignment.day !== day) setDay(assignment.day);
    })()
      .catch((e) => !cancelled && setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e)))))
      .finally(() => !cancelled && setLoadingExisting(false));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editingId]);

  const draftVariables = {
    classId: current?.class.id ?? '',
    date: day,
    draft: {
      subjectId: current?.subject.id ?? '',
      shape,
      options: options.map((o) => ({ key: o.key, name: o.name, items: o.items.filter((i) => i.itemId).map((i) => ({ itemId: i.itemId, atHome: i.atHome })) })),
      ...(multiDay ? { firstDay: day, dueDay: span.dueDay, dayShares: span.shares } : {}),
      groupId: audience,
    },
  };
  // Shown at once from the bank's counted minutes; the service's figure replaces it when it answers.
  const wholeMinutes = useMemo(() => heaviestWrittenMinutes(shape, options), [shape, options]);
  // Over several days, a gauge for each day the homework loads, with that day's share.
  const spanDays = daysOf(day, span.dueDay);
  const spanValid = multiDay && span.dueDay > day && spanDays.length <= MAX_SPAN_DAYS && span.shares.some((w) => w > 0);
  const perDay = apportion(wholeMinutes, span.shares);
  const loadedDays: SpanLoadDay[] = spanValid
    ? spanDays.map((d, i) => ({ day: d, minutes: perDay[i] ?? 0, share: span.shares[i] ?? 0 })).filter((d) => d.share > 0)
    : [];
  const draftLoad = useQuery(DraftLoadDocument, draftVariables, { skip: !current || spanValid });
  const localMinutes = multiDay ? perDay[0] ?? 0 : wholeMinutes;
  const served = draftLoad.loading ? undefined : draftLoad.data?.loadPreview.draft?.heaviestWrittenMinutes;
  const thisMinutes = served ?? localMinutes;
  const structure = structureProblems(options);
  const unresolved = options.some((o) => o.items.some((i) => !i.itemId));

  if (!current) {
    return <Alert type="info" showIcon title="你目前没有任教班级，无法布置作业。如有疑问请联系教务处。" />;
  }

  const input = () => ({
    title: title.trim(),
    options: options.map((o) => ({ key: o.key, name: o.name, items: o.items.map((i) => ({ itemId: i.itemId, atHome: i.atHome })) })),
    dueDay: span.dueDay,
    dayShares: multiDay ? span.shares : null,
  });

  /** Saves (creates or updates) and, when asked, publishes; refusals are shown with their figures. */
  async function save(publish: boolean) {
    setRefusals([]);
    setProblem(null);
    if (!title.trim()) return setProblem('请先填写作业标题。');
    if (structure.length) return setProblem(`作业还不完整：${structure.join('；')}。`);
    setBusy(true);
    try {
      let state = saved;
      if (!state) {
        const { assignmentCreate } = await execute(AssignmentCreateDocument, {
          input: { ...input(), classId: current!.class.id, subjectId: current!.subject.id, date: day, shape, groupId: audience, clientKey: newClientKey() },
        });
        if (assignmentCreate.userErrors.length || !assignmentCreate.assignment) return setRefusals(assignmentCreate.userErrors);
        state = assignmentCreate.assignment;
        setSaved(state);
        setParams((p) => { const c = new URLSearchParams(p); c.set('assignment', state!.id); c.set('date', day); return c; }, { replace: true });
      } else {
        const { assignmentUpdate } = await execute(AssignmentUpdateDocument, { input: { ...input(), assignmentId: state.id, expectedRevision: state.revision } });
        if (assignmentUpdate.userErrors.length || !assignmentUpdate.assignment) return setRefusals(assignmentUpdate.userErrors);
        state = assignmentUpdate.assignment;
        setSaved(state);
      }
      if (publish && state.status === 'DRAFT') {
        const { assignmentPublish } = await execute(AssignmentPublishDocument, { input: { assignmentId: state.id, expectedRevision: state.revision } });
        if (assignmentPublish.userErrors.length || !assignmentPublish.assignment) {
          setRefusals(assignmentPublish.userErrors);
          void message.warning('没有发布：已保存为草稿，请按提示调整后再发布。');
          return;
        }
        setSaved(assignmentPublish.assignment);
        void message.success('已发布，学生和家长现在可以看到这份作业。');
      } else {
        void message.success(state.status === 'PUBLISHED' ? '修改已保存并重新检查通过。' : '草稿已保存。');
      }
      void dayQuery.refetch();
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setBusy(false);
    }
  }

  async function unpublish() {
    if (!saved) return;
    setBusy(true);
    setRefusals([]);
    try {
      const { assignmentUnpublish } = await execute(AssignmentUnpublishDocument, { input: { assignmentId: saved.id, expectedRevision: saved.revision } });
      if (assignmentUnpublish.userErrors.length || !assignmentUnpublish.assignment) return setRefusals(assignmentUnpublish.userErrors);
      setSaved(assignmentUnpublish.assignment);
      void message.success('已撤回为草稿，学生暂时看不到这份作业。');
      void dayQuery.refetch();
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setBusy(false);
    }
  }

  const locked = !!saved; // class, subject, day and shape are fixed once saved
  const changeShape = (next: AssignmentShape) => {
    setShape(next);
    setOptions(next === 'THREE_PART' ? THREE_PART_OPTIONS : packageOptions(2));
  };

  return (
    <div className="stack">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={2} className="page-title" style={{ marginBottom: 0 }}>
          {saved ? '修改作业' : '布置作业'}
        </Typography.Title>
        {saved && (
          <Space wrap>
            {saved.status === 'PUBLISHED' ? <Pill tone="green">已发布</Pill> : <Pill tone="orange">草稿</Pill>}
            <Button onClick={() => navigate(`/teacher/compose?date=${day}`)}>新建另一份</Button>
          </Space>
        )}
      </div>
      {loadingExisting && <Alert type="info" title="正在打开这份作业……" />}
      <Card>
        <div className="toolbar">
          <div className="field" style={{ minWidth: 200 }}>
            <label htmlFor={classId}>班级与学科</label>
            <Select id={classId} value={teachingId} disabled={locked} onChange={setTeachingId}
              options={teaching.map((t) => ({ value: t.id, label: `${t.class.name} · ${t.subject.name}` }))} />
          </div>
          {locked ? (
            <div className="field"><span>{multiDay ? '开始日期' : '日期'}</span><strong style={{ lineHeight: '32px' }}>{formatDay(day)}</strong></div>
          ) : (
            <DayPicker value={day} onChange={(d) => { setDay(d); setSpan((s) => (s.dueDay === day ? { dueDay: d, shares: [1] } : s)); }} label={multiDay ? '开始日期' : '布置日期'} />
          )}
          <div className="field">
            <span id={`${titleId}-shape`}>分层方式</span>
            <Radio.Group aria-labelledby={`${titleId}-shape`} value={shape} disabled={locked} onChange={(e) => changeShape(e.target.value as AssignmentShape)}
              optionType="button" options={[{ value: 'THREE_PART', label: '三三三分层' }, { value: 'PACKAGES', label: 'A/B 套餐' }]} />
          </div>
          {(groups.length > 0 || audience) && (
            <div className="field" style={{ minWidth: 180 }}>
              <label htmlFor={audienceId}>布置对象</label>
              <Select id={audienceId} value={audience ?? ''} disabled={locked} onChange={(v) => setAudience(v || null)}
                options={[{ value: '', label: '全班' }, ...groups.map((g) => ({ value: g.id, label: `${g.name}（${g.members.length} 人）` }))]} />
            </div>
          )}
          <div className="field" style={{ flex: '1 1 240px' }}>
            <label htmlFor={titleId}>作业标题</label>
            <Input id={titleId} value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} placeholder="例如：小数乘整数·第2课时" />
          </div>
        </div>
        <SpanEditor firstDay={day} value={span} onChange={setSpan} heaviestMinutes={wholeMinutes} />
        {existing && !saved && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }}
            title={`这一天本班已有${current.subject.name}作业《${existing.title}》（${existing.status === 'PUBLISHED' ? '已发布' : '草稿'}）。`}
            action={<Link to={`/teacher/compose?assignment=${existing.id}`}>打开修改</Link>} />
        )}
        {!saved && (
          <WeeklyListStart classId={current.class.id} subjectId={current.subject.id} day={day} shape={shape} title={title} options={options}
            onStart={(started, notInBank) => {
              setOptions(started);
              setListNotes(notInBank);
              void message.success('已按周清单填入题目，请检查后保存或发布。');
            }} />
        )}
        {listNotes.length > 0 && !saved && (
          <Alert type="warning" showIcon closable style={{ marginBottom: 12 }} onClose={() => setListNotes([])}
            title={`周清单中有 ${listNotes.length} 项没有关联题库题目，未能自动加入：${listNotes.join('；')}。可在左侧资源库中选择相应题目。`} />
        )}
        {dayQuery.error && <ErrorNote error={dayQuery.error} retry={() => void dayQuery.refetch()} />}
        <div style={{ minHeight: 86 }}>
          {spanValid
            ? <SpanLoad classId={current.class.id} subjectId={current.subject.id} draft={draftVariables.draft} days={loadedDays} />
            : dayQuery.data && <LoadGauge preview={dayQuery.data.loadPreview} subjectId={current.subject.id} thisMinutes={thisMinutes} />}
        </div>
      </Card>

      <div className="two-columns">
        <Card>
          <BankBrowser subjectId={current.subject.id} grade={current.class.grade} groupId={group?.id ?? null} options={options}
            onAdd={(key, item) => setOptions((os) => os.map((o) => (o.key === key ? { ...o, items: [...o.items, item] } : o)))} />
        </Card>
        <Card title={shape === 'THREE_PART' ? '三部分作业' : '作业套餐'}>
          <OptionsEditor shape={shape} options={options} onChange={setOptions} />
        </Card>
      </div>

      <Card>
        {(refusals.length > 0 || problem) && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            title={saved?.status === 'PUBLISHED' ? '修改没有保存' : '没有发布'}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problem && <li>{problem}</li>}
                {refusals.map((r, i) => <li key={i}>{userErrorText(r)}</li>)}
              </ul>
            }
          />
        )}
        {unresolved && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="有题目在资源库中找不到对应的已审核版本，请移除后重新加入。" />}
        <Space wrap>
          {saved?.status === 'PUBLISHED' ? (
            <>
              <Button type="primary" loading={busy} disabled={unresolved} onClick={() => void save(false)}>保存修改</Button>
              <Popconfirm title="撤回后学生将看不到这份作业，确定撤回吗？" okText="撤回" cancelText="取消" onConfirm={() => void unpublish()}>
                <Button danger loading={busy}>撤回发布</Button>
              </Popconfirm>
              <Link to={`/teacher/assignments/${saved.id}/overview`}>查看完成情况</Link>
            </>
          ) : (
            <>
              <Button type="primary" loading={busy} disabled={unresolved} onClick={() => void save(true)}>发布</Button>
              <Button loading={busy} disabled={unresolved} onClick={() => void save(false)}>保存草稿</Button>
            </>
          )}
        </Space>
      </Card>
    </div>
  );
}
