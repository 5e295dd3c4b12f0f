import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { graphql } from '../../graphql';
import { execute, RequestError, useQuery } from '../../app/client';
import { useViewer } from '../../app/viewer';
import { EmptyNote, Loadable } from '../../components/PageState';
import { useSearchParam } from '../../components/useDayParam';
import type { UserErrorCode } from '../../graphql/graphql';
import { requestErrorText, userErrorText } from '../../messages';

const GroupsOfClassDocument = graphql(`
  query GroupsOfClass($classId: ID!, $subjectId: ID!) {
    class(id: $classId) { students { id displayName studentNo } }
    studentGroups(classId: $classId, subjectId: $subjectId) { id name revision members { id displayName } }
  }
`);

const GroupCreateDocument = graphql(`
  mutation GroupCreate($input: StudentGroupCreateInput!) {
    studentGroupCreate(input: $input) { group { id } userErrors { code figures { name value } } }
  }
`);

const GroupRenameDocument = graphql(`
  mutation GroupRename($input: StudentGroupRenameInput!) {
    studentGroupRename(input: $input) { group { id } userErrors { code figures { name value } } }
  }
`);

const GroupSetMembersDocument = graphql(`
  mutation GroupSetMembers($input: StudentGroupSetMembersInput!) {
    studentGroupSetMembers(input: $input) { group { id } userErrors { code message figures { name value } } }
  }
`);

const GroupDeleteDocument = graphql(`
  mutation GroupDelete($input: StudentGroupDeleteInput!) {
    studentGroupDelete(input: $input) { deletedGroupId userErrors { code figures { name value } } }
  }
`);

const problemOf = (e: unknown) => requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e)));

type Student = { id: string; displayName: string };

/**
 * 分层、个性化 (seed 000): a teacher's named groups of a class's students for one subject, to
 * address homework to part of the class. Group names are for staff only; students never see them.
 */
export function Groups() {
  const { viewer } = useViewer();
  const teaching = viewer.teachingAssignments;
  const [param, setParam] = useSearchParam('teaching');
  const current = teaching.find((t) => t.id === param) ?? teaching[0];
  const fieldId = useId();

  if (!current) return <EmptyNote>你目前没有任教的班级。</EmptyNote>;

  return (
    <div className="stack">
      <Typography.Title level={2} className="page-title" style={{ marginBottom: 0 }}>学生小组</Typography.Title>
      <Card>
        <div className="toolbar">
          <div className="field" style={{ minWidth: 200 }}>
            <label htmlFor={fieldId}>班级与学科</label>
            <Select id={fieldId} value={current.id} onChange={setParam}
              options={teaching.map((t) => ({ value: t.id, label: `${t.class.name} · ${t.subject.name}` }))} />
          </div>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          布置作业时可以只布置给某个小组；小组名称只有老师看得到，学生不会被贴上标签。
          把学生加入已有作业的小组时，会按每位学生当天的作业总量检查上限。
        </Typography.Paragraph>
      </Card>
      <ClassGroups key={current.id} classId={current.class.id} subjectId={current.subject.id} />
    </div>
  );
}

function ClassGroups({ classId, subjectId }: { classId: string; subjectId: string }) {
  const { message } = App.useApp();
  const q = useQuery(GroupsOfClassDocument, { classId, subjectId });
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const membersId = useId();

  async function create() {
    setBusy(true);
    setProblems([]);
    try {
      const { studentGroupCreate } = await execute(GroupCreateDocument, { input: { classId, subjectId, name, studentIds: members } });
      if (studentGroupCreate.userErrors.length) setProblems(studentGroupCreate.userErrors.map(userErrorText));
      else {
        void message.success('小组已建立。');
        setName('');
        setMembers([]);
        void q.refetch();
      }
    } catch (e) {
      setProblems([problemOf(e)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Loadable data={q.data} error={q.error} retry={() => void q.refetch()} rows={4}>
      {(data) => (
        <>
          {data.studentGroups.length === 0 && <EmptyNote>这门学科在本班还没有小组。</EmptyNote>}
          {data.studentGroups.map((g) => (
            <GroupCard key={`${g.id}:${g.revision}`} group={g} students={data.class.students} onChanged={() => void q.refetch()} />
          ))}
          <Card title="新建小组">
            <div className="stack">
              <div className="field">
                <label htmlFor={nameId}>名称</label>
                <Input id={nameId} maxLength={40} value={name} placeholder="例如：需要巩固的同学" onChange={(e) => setName(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={membersId}>学生</label>
                <Select id={membersId} mode="multiple" value={members} onChange={setMembers} optionFilterProp="label"
                  options={data.class.students.map((s) => ({ value: s.id, label: s.displayName }))} />
              </div>
              {problems.length > 0 && <Alert type="error" showIcon role="alert" title={problems.join(' ')} />}
              <Button type="primary" loading={busy} disabled={!name.trim()} onClick={() => void create()}>建立小组</Button>
            </div>
          </Card>
        </>
      )}
    </Loadable>
  );
}

function GroupCard({ group, students, onChanged }: {
  group: { id: string; name: string; revision: number; members: Student[] }; students: Student[]; onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [name, setName] = useState(group.name);
  const [members, setMembers] = useState(group.members.map((m) => m.id));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const membersId = useId();

  async function run(work: () => Promise<{ userErrors: { code: UserErrorCode; message?: string; figures: { name: string; value: number }[] }[] }>, done: string) {
    setBusy(true);
    setProblems([]);
    try {
      const { userErrors } = await work();
      // A load refusal on adding students names the student whose day would go over: the service's message says who.
      if (userErrors.length) setProblems(userErrors.map((e) => (e.message && e.code.endsWith('_LOAD_EXCEEDED') ? e.message : userErrorText(e))));
      else {
        void message.success(done);
        onChanged();
      }
    } catch (e) {
      setProblems([problemOf(e)]);
    } finally {
      setBusy(false);
    }
  }

  const rename = () => run(async () => (await execute(GroupRenameDocument, { input: { groupId: group.id, expectedRevision: group.revision, name } })).studentGroupRename, '已改名。');
  const save = () => run(async () => (await execute(GroupSetMembersDocument, {
    input: { groupId: group.id, expectedRevision: group.revision, studentIds: members },
  })).studentGroupSetMembers, '成员已保存。');
  const remove = () => run(async () => (await execute(GroupDeleteDocument, { input: { groupId: group.id, expectedRevision: group.revision } })).studentGroupDelete, '小组已删除。');

  return (
    <Card title={group.name}>
      <div className="stack">
        <div className="field">
          <label htmlFor={nameId}>名称</label>
          <Space.Compact style={{ width: '100%' }}>
            <Input id={nameId} maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
            <Button loading={busy} disabled={!name.trim() || name === group.name} onClick={() => void rename()}>改名</Button>
          </Space.Compact>
        </div>
        <div className="field">
          <label htmlFor={membersId}>学生（{members.length} 人）</label>
          <Select id={membersId} mode="multiple" value={members} onChange={setMembers} optionFilterProp="label"
            options={students.map((s) => ({ value: s.id, label: s.displayName }))} />
        </div>
        {problems.length > 0 && <Alert type="error" showIcon role="alert" title={problems.join(' ')} />}
        <Space>
          <Button type="primary" loading={busy} onClick={() => void save()}>保存成员</Button>
          <Popconfirm title={`删除小组「${group.name}」？`} okText="删除" cancelText="取消" onConfirm={() => void remove()}>
            <Button danger loading={busy}>删除小组</Button>
          </Popconfirm>
        </Space>
      </div>
    </Card>
  );
}
