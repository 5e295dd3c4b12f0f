import { Alert, Button, Popconfirm, Space } from 'antd';
import { graphql } from '../../../graphql';
import type { AssignmentShape } from '../../../graphql/graphql';
import { useQuery } from '../../../app/client';
import { ErrorNote } from '../../../components/PageState';
import { Pill } from '../../../components/Pill';
import { FORM_NAMES } from '../../../format';
import type { DraftOption } from './plan';
import { draftFromWeeklyList, isEmptyDraft } from './weekly-list';

const WeeklyListSuggestionDocument = graphql(`
  query ComposeWeeklyList($classId: ID!, $subjectId: ID!, $day: LocalDate!) {
    weeklyListSuggestion(classId: $classId, subjectId: $subjectId, day: $day) {
      list { id status group { name } }
      entries {
        description form atHome predictedMinutes
        item { id countedMinutes approvedVersion { title tier form predictedMinutes } }
      }
    }
  }
`);

/**
 * What the grade's lesson-prep group planned in its weekly list (approved, or filed with the
 * academic office) for this subject and day, and "按周清单开始": the draft is filled from it —
 * at once when nothing is composed yet, after a confirmation otherwise.
 */
export function WeeklyListStart(props: {
  classId: string;
  subjectId: string;
  day: string;
  shape: AssignmentShape;
  title: string;
  options: DraftOption[];
  onStart: (options: DraftOption[], notInBank: string[]) => void;
}) {
  const { data, error, refetch } = useQuery(WeeklyListSuggestionDocument, { classId: props.classId, subjectId: props.subjectId, day: props.day });
  if (error) return <ErrorNote error={error} retry={() => void refetch()} />;
  const s = data?.weeklyListSuggestion;
  if (!s) return null;
  const minutes = s.entries.reduce((sum, e) => sum + e.predictedMinutes, 0);
  const start = () => {
    const { options, notInBank } = draftFromWeeklyList(props.shape, props.options, s.entries);
    props.onStart(options, notInBank);
  };
  const empty = isEmptyDraft(props.title, props.options);
  const button = <Button disabled={s.entries.length === 0} onClick={empty ? start : undefined}>按周清单开始</Button>;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={
        <Space wrap size={6}>
          <span>{s.list.group.name}的周作业清单</span>
          {s.list.status === 'APPROVED' ? <Pill tone="green">教务处已审核</Pill> : <Pill tone="blue">已报送教务处</Pill>}
          <span>{s.entries.length ? `这一天 ${s.entries.length} 项，共 ${minutes} 分钟` : '这一天没有安排作业'}</span>
        </Space>
      }
      description={s.entries.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {s.entries.map((e, i) => (
            <li key={i}>{e.description}（{FORM_NAMES[e.form]}，{e.predictedMinutes} 分钟{e.atHome ? '' : '，在校完成'}{e.item ? '' : '，未关联题库'}）</li>
          ))}
        </ul>
      )}
      action={empty ? button : (
        <Popconfirm title="用周清单替换当前草稿中的题目吗？" okText="替换" cancelText="取消" onConfirm={start}>{button}</Popconfirm>
      )}
    />
  );
}
