/** The communities of the township: search, create, import from a spreadsheet, download the template. */
import { useState } from 'react';
import { Alert, Button, Input, Space, Table, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage, formatDate, formatNumber, graphql, useLang, useT, useViewer, type ResultOf } from '@huanjie/ui';
import { isTownshipAdmin } from '../permissions.ts';
import { CreateCommunityModal } from './CreateCommunity.tsx';
import { ImportCommunitiesModal } from './ImportCommunities.tsx';

const PAGE_SIZE = 100; // the server's largest page

const CommunitiesQuery = graphql(`
  query Communities($search: String, $after: String, $first: Int) {
    communities(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id code name kind area groupCount households population election { id electionDay } }
      }
    }
  }
`);

type CommunityRow = ResultOf<typeof CommunitiesQuery>['communities']['edges'][number]['node'];

// An empty list carries no Community typename for the document cache to see: name it.
const refetchOn = { additionalTypenames: ['Community', 'ImportReport'] };

export const templateUrl = `${import.meta.env.BASE_URL}templates/communities-template.csv`;

export function CommunitiesPage() {
  const t = useT();
  const [lang] = useLang();
  const { me } = useViewer();
  const [search, setSearch] = useState('');
  // Cursors of the pages before the one shown (server pages of PAGE_SIZE).
  const [cursors, setCursors] = useState<readonly string[]>([]);
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const [result] = useQuery({
    query: CommunitiesQuery,
    variables: { search: search || null, after: cursors.at(-1) ?? null, first: PAGE_SIZE },
    requestPolicy: 'cache-and-network',
    context: refetchOn,
  });
  const data = result.data?.communities;
  const admin = isTownshipAdmin(me);

  const columns = [
    { title: t('communities.code'), dataIndex: 'code', key: 'code', width: 160 },
    {
      title: t('communities.name'),
      key: 'name',
      render: (_: unknown, c: CommunityRow) => (
        <Link to={`/communities/${encodeURIComponent(c.code)}`} data-testid={`community-link-${c.code}`}>
          {c.name}
        </Link>
      ),
    },
    { title: t('communities.kind'), key: 'kind', render: (_: unknown, c: CommunityRow) => t(`kind.${c.kind}`) },
    { title: t('communities.area'), key: 'area', render: (_: unknown, c: CommunityRow) => t(`area.${c.area}`) },
    { title: t('communities.groups'), dataIndex: 'groupCount', key: 'groups', align: 'right' as const },
    { title: t('communities.households'), key: 'households', align: 'right' as const, render: (_: unknown, c: CommunityRow) => formatNumber(c.households, lang) },
    { title: t('communities.population'), key: 'population', align: 'right' as const, render: (_: unknown, c: CommunityRow) => formatNumber(c.population, lang) },
    { title: t('communities.electionDay'), key: 'electionDay', render: (_: unknown, c: CommunityRow) => formatDate(c.election?.electionDay, lang) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('communities.title')}
        </Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('communities.search')}
            style={{ width: 240 }}
            onSearch={(value) => {
              setSearch(value.trim());
              setCursors([]);
            }}
          />
          {admin ? (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="create-community">
                {t('communities.create')}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="import-communities">
                {t('communities.import')}
              </Button>
            </>
          ) : null}
          <Button icon={<DownloadOutlined />} href={templateUrl} download="社区导入模板.csv" data-testid="download-template">
            {t('communities.template')}
          </Button>
        </Space>
      </Space>
      {result.error && !data ? <Alert type="error" showIcon title={errorMessage(result.error, t('error.network'))} /> : null}
      <Table<CommunityRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.edges.map((e) => e.node) ?? []}
        loading={result.fetching && !data}
        pagination={false}
        footer={() => (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{t('common.total', { n: data?.totalCount ?? 0 })}</span>
            {cursors.length > 0 || data?.pageInfo.hasNextPage ? (
              <Space>
                <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
                  ‹
                </Button>
                <Button
                  disabled={!data?.pageInfo.hasNextPage}
                  onClick={() => data?.pageInfo.endCursor && setCursors([...cursors, data.pageInfo.endCursor])}
                >
                  ›
                </Button>
              </Space>
            ) : null}
          </Space>
        )}
      />
      <CreateCommunityModal open={dialog === 'create'} onClose={() => setDialog(null)} />
      <ImportCommunitiesModal open={dialog === 'import'} onClose={() => setDialog(null)} />
    </Space>
  );
}
