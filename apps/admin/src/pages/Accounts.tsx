/** Accounts and roles (township admin only): who may sign in, with which role, for which communities. */
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { errorMessage, graphql, useT, useViewer, type ResultOf, type Role } from '@huanjie/ui';
import { isTownshipAdmin } from '../permissions.ts';
import { FormModal, placeError } from '../FormModal.tsx';

const AccountsQuery = graphql(`
  query Accounts {
    accounts { id username displayName role communities { id code name } }
  }
`);

const CommunityOptionsQuery = graphql(`
  query CommunityOptions {
    communities(first: 100) { edges { node { id code name } } }
  }
`);

const CreateAccountMutation = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      __typename
      ... on Account { id username }
      ... on UserError { code message field }
    }
  }
`);

type AccountRow = ResultOf<typeof AccountsQuery>['accounts'][number];
const roles: readonly Role[] = ['TOWNSHIP_ADMIN', 'COMMUNITY_COMMITTEE', 'CLERK', 'OBSERVER'];

const refetchOn = { additionalTypenames: ['Account'] };

export function AccountsPage() {
  const t = useT();
  const { me } = useViewer();
  const admin = isTownshipAdmin(me);
  const [result] = useQuery({ query: AccountsQuery, requestPolicy: 'cache-and-network', pause: !admin, context: refetchOn });
  const [creating, setCreating] = useState(false);

  if (!admin) return <Alert type="info" showIcon title={t('accounts.adminOnly')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('accounts.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-account">
          {t('accounts.create')}
        </Button>
      </Space>
      {result.error && !result.data ? <Alert type="error" showIcon title={errorMessage(result.error, t('error.network'))} /> : null}
      <Table<AccountRow>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={result.fetching && !result.data}
        dataSource={result.data?.accounts ?? []}
        columns={[
          { title: t('accounts.username'), dataIndex: 'username', key: 'username' },
          { title: t('accounts.displayName'), dataIndex: 'displayName', key: 'displayName' },
          { title: t('accounts.role'), key: 'role', render: (_: unknown, a) => <Tag>{t(`role.${a.role}`)}</Tag> },
          {
            title: t('accounts.communities'),
            key: 'communities',
            render: (_: unknown, a) =>
              a.role === 'TOWNSHIP_ADMIN' || a.role === 'OBSERVER' ? (
                <Typography.Text type="secondary">{t('accounts.allCommunities')}</Typography.Text>
              ) : (
                a.communities.map((c) => <Tag key={c.id}>{c.name}</Tag>)
              ),
          },
        ]}
      />
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}

interface AccountValues {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: Role;
  readonly communityIds?: readonly string[];
}

function CreateAccountModal({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountValues>();
  const role = Form.useWatch('role', form);
  const [options] = useQuery({ query: CommunityOptionsQuery, pause: !open });
  const [{ fetching }, create] = useMutation(CreateAccountMutation);
  const [error, setError] = useState<string | null>(null);
  const scoped = role === 'COMMUNITY_COMMITTEE' || role === 'CLERK';

  const submit = async (v: AccountValues) => {
    setError(null);
    const res = await create({
      input: { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password, role: v.role, communityIds: scoped ? [...(v.communityIds ?? [])] : [] },
    });
    const outcome = res.data?.createAccount;
    if (outcome?.__typename === 'Account') {
      void message.success(t('accounts.created', { username: outcome.username }));
      form.resetFields();
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, ['username', 'displayName', 'password', 'role', 'communityIds']));
    } else {
      setError(res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
    }
  };

  const required = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { field: label }) }];
  return (
    <FormModal<AccountValues>
      open={open}
      title={t('accounts.create')}
      form={form}
      submitText={t('common.save')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
    >
      <Form.Item name="username" label={t('accounts.username')} rules={required(t('accounts.username'))}>
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label={t('accounts.displayName')} rules={required(t('accounts.displayName'))}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="password" label={t('accounts.password')} extra={t('accounts.passwordHint')} rules={required(t('accounts.password'))}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="role" label={t('accounts.role')} initialValue="COMMUNITY_COMMITTEE" rules={[{ required: true }]}>
        <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      {scoped ? (
        <Form.Item name="communityIds" label={t('accounts.communities')} rules={[{ required: true, message: t('common.required', { field: t('accounts.communities') }) }]}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={options.fetching}
            options={(options.data?.communities.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.name}（${e.node.code}）` }))}
          />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
