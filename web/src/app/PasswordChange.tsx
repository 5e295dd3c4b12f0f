import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useContext, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../graphql';
import { execute, RequestError } from './client';
import { replaceToken } from './session';
import { homePath, ViewerContext } from './viewer';
import { requestErrorText, userErrorText } from '../messages';

const PasswordChangeDocument = graphql(`
  mutation PasswordChange($input: PasswordChangeInput!) {
    passwordChange(input: $input) { token expiresAt userErrors { code figures { name value } } }
  }
`);

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The service's rule, checked before sending: 10–200 characters with a letter and a digit. */
const NEW_PASSWORD_RULES = [
  { required: true, message: '请填写新密码' },
  { min: 10, message: '新密码至少 10 个字符' },
  { max: 200, message: '新密码最多 200 个字符' },
  { pattern: /[A-Za-z]/, message: '新密码至少包含一个字母' },
  { pattern: /\d/, message: '新密码至少包含一个数字' },
];

/**
 * The password form: from the account menu, or — outside the signed-in shell, with no viewer
 * loaded — at the first sign-in with a password the school issued (`first`), after which the
 * role's home page opens.
 */
export function PasswordChange({ first = false }: { first?: boolean }) {
  const viewer = useContext(ViewerContext)?.viewer;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: PasswordForm) {
    setBusy(true);
    setProblem(null);
    try {
      const { passwordChange } = await execute(PasswordChangeDocument, {
        input: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      });
      if (passwordChange.userErrors.length) {
        setProblem(passwordChange.userErrors.map(userErrorText).join(' '));
        return;
      }
      if (passwordChange.token) replaceToken(passwordChange.token, passwordChange.expiresAt);
      void message.success(first ? '密码已修改，以后请用新密码登录。' : '密码已修改。其他设备上的登录已失效，需要用新密码重新登录。');
      navigate(viewer ? homePath(viewer) : '/', { replace: first });
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="narrow-card">
      <Typography.Title level={first ? 1 : 2} className="page-title">{first ? '首次登录，请修改密码' : '修改密码'}</Typography.Title>
      {first && (
        <Typography.Paragraph>你正在使用学校发放的初始密码（账号条上的密码）。请先设置自己的新密码，之后才能使用其他功能。</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">新密码至少 10 个字符，需同时包含字母和数字。修改后，其他设备上的登录会失效。</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
      <Form<PasswordForm> layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item label={first ? '当前密码（账号条上的初始密码）' : '当前密码'} name="currentPassword" rules={[{ required: true, message: '请填写当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={NEW_PASSWORD_RULES}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>保存新密码</Button>
      </Form>
    </Card>
  );
}
