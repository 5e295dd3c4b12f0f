import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { graphql } from '../graphql';
import { execute, RequestError } from './client';
import { saveSession } from './session';
import { homePath } from './viewer';
import { FIRST_PASSWORD_PATH } from './FirstPassword';
import { requestErrorText } from '../messages';

const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) { token expiresAt mustChangePassword user { roles } userErrors { code figures { name value } } }
  }
`);

const LAST_SCHOOL = 'shuangjian.schoolCode';

interface SignInForm {
  schoolCode: string;
  username: string;
  password: string;
  remember: boolean;
}

export function SignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [problem, setProblem] = useState<string | null>(params.get('expired') ? '登录已过期，请重新登录。' : null);
  const [busy, setBusy] = useState(false);

  async function submit(values: SignInForm) {
    setBusy(true);
    setProblem(null);
    try {
      const { login } = await execute(LoginDocument, {
        input: { schoolCode: values.schoolCode.trim(), username: values.username.trim(), password: values.password },
      });
      if (!login.token || !login.user) {
        setProblem('登录没有成功，请重试。');
        return;
      }
      saveSession(login.token, login.expiresAt, values.remember);
      localStorage.setItem(LAST_SCHOOL, values.schoolCode.trim());
      // A password the school issued (an account slip or a reset): changed before anything else.
      if (login.mustChangePassword) {
        navigate(FIRST_PASSWORD_PATH, { replace: true });
        return;
      }
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homePath(login.user), { replace: true });
    } catch (e) {
      const error = e instanceof RequestError ? e : new RequestError('INTERNAL', String(e));
      setProblem(error.code === 'UNAUTHENTICATED' ? '学校代码、用户名或密码不正确，请检查后重试。' : requestErrorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin-page">
      <Card className="signin-card">
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>双减作业 · 登录</Typography.Title>
        <Typography.Paragraph type="secondary">教师、学生、家长与班主任使用学校发放的账号登录。</Typography.Paragraph>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
        <Form<SignInForm>
          layout="vertical"
          requiredMark={false}
          initialValues={{ schoolCode: localStorage.getItem(LAST_SCHOOL) ?? '', remember: false }}
          onFinish={submit}
        >
          <Form.Item label="学校代码" name="schoolCode" rules={[{ required: true, whitespace: true, message: '请填写学校代码' }]}>
            <Input autoComplete="organization" autoCapitalize="none" />
          </Form.Item>
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
            <Input autoComplete="username" autoCapitalize="none" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="remember" valuePropName="checked">
            <Checkbox>记住我（7 天内免登录，公共电脑请勿勾选）</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>登录</Button>
        </Form>
      </Card>
    </main>
  );
}
