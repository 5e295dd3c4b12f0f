import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import '../format';
import { theme } from './theme';
import { SignIn } from './SignIn';
import { SignedIn, RoleGate } from './Shell';
import { PasswordChange } from './PasswordChange';
import { FIRST_PASSWORD_PATH, FirstPassword } from './FirstPassword';
import { HomeRedirect } from './HomeRedirect';
import { AssignmentList } from '../pages/teacher/AssignmentList';
import { Compose } from '../pages/teacher/Compose';
import { Marking } from '../pages/teacher/Marking';
import { AssignmentOverview } from '../pages/teacher/AssignmentOverview';
import { Groups } from '../pages/teacher/Groups';
import { Today } from '../pages/student/Today';
import { ChildDay } from '../pages/parent/ChildDay';
import { ClassSheets } from '../pages/head-teacher/ClassSheets';
import { WeeklyLists } from '../pages/office/WeeklyLists';
import { SubjectBudgets } from '../pages/head-teacher/SubjectBudgets';

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<SignIn />} />
            <Route path={FIRST_PASSWORD_PATH} element={<FirstPassword />} />
            <Route element={<SignedIn />}>
              <Route index element={<HomeRedirect />} />
              <Route path="/password" element={<PasswordChange />} />
              <Route element={<RoleGate roles={['TEACHER']} />}>
                <Route path="/teacher/assignments" element={<AssignmentList />} />
                <Route path="/teacher/compose" element={<Compose />} />
                <Route path="/teacher/marking" element={<Marking />} />
                <Route path="/teacher/assignments/:id/overview" element={<AssignmentOverview />} />
                <Route path="/teacher/groups" element={<Groups />} />
              </Route>
              <Route element={<RoleGate roles={['STUDENT']} />}>
                <Route path="/student/today" element={<Today />} />
              </Route>
              <Route element={<RoleGate roles={['PARENT']} />}>
                <Route path="/parent/day" element={<ChildDay />} />
              </Route>
              <Route element={<RoleGate roles={['HEAD_TEACHER', 'ACADEMIC_OFFICE']} />}>
                <Route path="/head-teacher/sheets" element={<ClassSheets />} />
                <Route path="/head-teacher/budgets" element={<SubjectBudgets />} />
              </Route>
              <Route element={<RoleGate roles={['ACADEMIC_OFFICE']} />}>
                <Route path="/office/weekly-lists" element={<WeeklyLists />} />
              </Route>
              <Route path="*" element={<Navigate to="/" replace />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
