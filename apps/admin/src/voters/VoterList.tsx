/**
 * The voter list, paged and searched on the server (name, pinyin initials such as "zs", or the
 * last digits of the ID number). ID numbers come masked; the committee may reveal one at a time.
 */
import { useState } from 'react';
import { Alert, Button, Input, Segmented, Space, Table, Typography } from 'antd';
import { IdcardOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from 'urql';
import { graphql, useT, type ResultOf, type VoterStatus } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { PagerFooter, useCursorPages } from '../paging.tsx';
import { noOutcome } from '../outcome.ts';
import { ResidentIdCell } from './ResidentIdCell.tsx';
import { RegisterVoterModal } from './RegisterVoter.tsx';
import { RemoveVoterModal, type RemovableVoter } from './RemoveVoter.tsx';

const PAGE_SIZE = 50;

const VotersQuery = graphql(`
  query Voters($electionId: ID!, $search: String, $status: VoterStatus, $after: String, $first: Int) {
    voters(electionId: $electionId, search: $search, status: $status, after: $after, first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id serial name sex age group householdNo residentId category status removedReason } }
    }
  }
`);

type VoterRow = ResultOf<typeof VotersQuery>['voters']['edges'][number]['node'];

// An empty page carries no Voter typename for the document cache to see: name it.
const refetchOn = { additionalTypenames: ['Voter', 'VoterImport', 'VoterDuplicate'] };

export function VoterList() {
  const t = useT();
  const { community, election, manage } = useArea();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<VoterStatus>('REGISTERED');
  const pages = useCursorPages();
  const [dialog, setDialog] = useState<'register' | null>(null);
  const [removing, setRemoving] = useState<RemovableVoter | null>(null);
  const [result] = useQuery({
    query: VotersQuery,
    variables: { electionId: election.id, search: search || null, status, after: pages.after, first: PAGE_SIZE },
    requestPolicy: 'cache-and-network',
    context: refetchOn,
  });
  const data = result.data?.voters;
  const base = `/communities/${encodeURIComponent(community.code)}`;

  const columns = [
    { title: t('voters.serial'), dataIndex: 'serial', key: 'serial', width: 200 },
    { title: t('voters.name'), dataIndex: 'name', key: 'name', render: (name: string) => <span data-testid="voter-name">{name}</span> },
    { title: t('voters.sex'), key: 'sex', width: 60, render: (_: unknown, v: VoterRow) => t(`sex.${v.sex}`) },
    { title: t('voters.age'), dataIndex: 'age', key: 'age', width: 60, align: 'right' as const },
    { title: t('voters.group'), dataIndex: 'group', key: 'group' },
    { title: t('voters.residentId'), key: 'residentId', width: 340, render: (_: unknown, v: VoterRow) => <ResidentIdCell voterId={v.id} masked={v.residentId} canReveal={manage} /> },
    { title: t('voters.category'), key: 'category', render: (_: unknown, v: VoterRow) => t(`category.${v.category}`) },
    ...(status === 'REMOVED'
      ? [{ title: t('voters.removedReason'), dataIndex: 'removedReason', key: 'removedReason' }]
      : manage
        ? [
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_: unknown, v: VoterRow) => (
                <Button size="small" danger onClick={() => setRemoving(v)} data-testid={`remove-${v.serial}`}>
                  {t('voters.remove')}
                </Button>
              ),
            },
          ]
        : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Input.Search
            allowClear
            autoFocus
            placeholder={t('voters.search')}
            style={{ width: 340 }}
            onSearch={(value) => {
              setSearch(value.trim());
              pages.reset();
            }}
            data-testid="voter-search"
          />
          <Segmented<VoterStatus>
            value={status}
            onChange={(s) => {
              setStatus(s);
              pages.reset();
            }}
            options={[
              { value: 'REGISTERED', label: t('voters.status.REGISTERED') },
              { value: 'REMOVED', label: t('voters.status.REMOVED') },
            ]}
          />
        </Space>
        <Space wrap>
          {manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('register')} data-testid="register-voter">
              {t('voters.register')}
            </Button>
          ) : null}
          <Button icon={<IdcardOutlined />} href={`${base}/print/certificates`} target="_blank" data-testid="print-certificates">
            {t('voters.printCertificates')}
          </Button>
        </Space>
      </Space>
      {result.error && !data ? <Alert type="error" showIcon title={noOutcome(result.error, t)} /> : null}
      <Table<VoterRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.edges.map((e) => e.node) ?? []}
        loading={result.fetching && !data}
        pagination={false}
        data-testid="voter-table"
        footer={() => <PagerFooter pages={pages} totalCount={data?.totalCount ?? 0} pageInfo={data?.pageInfo} />}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('voters.maskedNote')}
      </Typography.Text>
      <RegisterVoterModal open={dialog === 'register'} onClose={() => setDialog(null)} />
      <RemoveVoterModal voter={removing} onClose={() => setRemoving(null)} />
    </Space>
  );
}
