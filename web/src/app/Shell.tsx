import { Button, Dropdown, Layout, Menu, Result, Skeleton, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { LogoutOutlined, KeyOutlined, UserOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { graphql } from '../graphql';
import { execute, onSignedOut, useQuery } from './client';
import { clearSession, currentToken } from './session';
import { ErrorNote } from '../components/PageState';
import { FIRST_PASSWORD_PATH } from './FirstPassword';
import { hasRole, homePath, useViewer, ViewerContext, ViewerDocument, type RoleName, type Viewer } from './viewer';

const LogoutDocument = graphql(`
  mutation Logout { logout { revoked } }
`);

const ROLE_NAMES: Record<RoleName, string> = {
  ACADEMIC_OFFICE: '教务处', HEAD_TEACHER: '班主任', PARENT: '家长', RESEARCH_LEAD: '备课组长', STUDENT: '学生', TEACHER: '学科教师',
};

/** The menu of a role: a teacher who is also a head teacher sees both desks. */
function menuOf(viewer: Viewer): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [];
  if (hasRole(viewer, 'TEACHER')) {
    items.push(
      { key: '/teacher/assignments', label: <Link to="/teacher/assignments">作业列表</Link> },
      { key: '/teacher/compose', label: <Link to="/teacher/compose">布置作业</Link> },
      { key: '/teacher/marking', label: <Link to="/teacher/marking">批改</Link> },
      { key: '/teacher/groups', label: <Link to="/teacher/groups">学生小组</Link> },
    );
  }
  if (hasRole(viewer, 'HEAD_TEACHER', 'ACADEMIC_OFFICE')) items.push({ key: '/head-teacher/sheets', label: <Link to="/head-teacher/sheets">作业记录单</Link> });
  if (hasRole(viewer, 'ACADEMIC_OFFICE')) items.push({ key: '/office/weekly-lists', label: <Link to="/office/weekly-lists">周作业清单</Link> });
  if (hasRole(viewer, 'HEAD_TEACHER', 'ACADEMIC_OFFICE')) items.push({ key: '/head-teacher/budgets', label: <Link to="/head-teacher/budgets">各科时长</Link> });
  if (hasRole(viewer, 'STUDENT')) items.push({ key: '/student/today', label: <Link to="/student/today">今日作业</Link> });
  if (hasRole(viewer, 'PARENT')) items.push({ key: '/parent/day', label: <Link to="/parent/day">孩子的一天</Link> });
  return items;
}

/** Everything behind sign-in: loads the viewer, shows the header and the role's menu. */
export function SignedIn() {
  const navigate = useNavigate();
  const location = useLocation();
  const [token] = useState(currentToken);
  const { data, error, refetch } = useQuery(ViewerDocument, {}, { skip: !token });

  useEffect(() => onSignedOut(() => navigate('/login?expired=1', { replace: true })), [navigate]);

  const viewer = useMemo<Viewer | undefined>(() => (data ? { ...data.me, schoolName: data.school.name } : undefined), [data]);
  const value = useMemo(() => (viewer ? { viewer, refresh: refetch } : null), [viewer, refetch]);

  const signOut = useCallback(async () => {
    try {
      await execute(LogoutDocument);
    } catch {
      // Signed out locally whatever the service says; the token ends by itself.
    }
    clearSession();
    navigate('/login', { replace: true });
  }, [navigate]);

  if (!token) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // Signed in with a password the school issued and not changed yet (a reload, another tab): change it first.
  if (error?.code === 'PASSWORD_CHANGE_REQUIRED') return <Navigate to={FIRST_PASSWORD_PATH} replace />;

  const selected = Object.keys({ '/teacher/assignments': 1, '/teacher/compose': 1, '/teacher/marking': 1, '/teacher/groups': 1, '/head-teacher/sheets': 1, '/head-teacher/budgets': 1, '/office/weekly-lists': 1, '/student/today': 1, '/parent/day': 1 })
    .filter((k) => location.pathname.startsWith(k));

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => navigate('/password') },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void signOut() },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand" aria-label="双减作业 首页">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>双减作业</span>
        </Link>
        {viewer && (
          <nav aria-label="主菜单" className="app-nav">
            <Menu mode="horizontal" selectedKeys={selected} items={menuOf(viewer)} style={{ minWidth: 0, flex: 1, borderBottom: 'none' }} />
          </nav>
        )}
        {viewer && (
          <Dropdown menu={{ items: userMenu }} trigger={['click']}>
            <Button type="text" icon={<UserOutlined />} aria-label={`${viewer.displayName}：账号菜单`} className="app-user">
              <span className="app-user-name">{viewer.displayName}</span>
            </Button>
          </Dropdown>
        )}
      </Layout.Header>
      <Layout.Content className="app-content">
        <main>
          {error && !data && <ErrorNote error={error} retry={() => void refetch()} />}
          {!viewer && !error && <Skeleton active paragraph={{ rows: 6 }} />}
          {value && (
            <ViewerContext.Provider value={value}>
              <Typography.Text type="secondary" className="app-who">
                {value.viewer.schoolName} · {value.viewer.displayName}（{value.viewer.roles.map((r) => ROLE_NAMES[r]).join('、')}）
              </Typography.Text>
              <Outlet />
            </ViewerContext.Provider>
          )}
        </main>
      </Layout.Content>
    </Layout>
  );
}

/** Pages of one desk: another role is sent to its own page with a note. */
export function RoleGate({ roles }: { roles: RoleName[] }) {
  const { viewer } = useViewer();
  if (hasRole(viewer, ...roles)) return <Outlet />;
  return (
    <Result
      status="403"
      title="这个页面不属于你的身份"
      subTitle="请回到你的首页。"
      extra={<Link to={homePath(viewer)}>回到首页</Link>}
    />
  );
}
