/**
 * Voter registration of one community (rules.md C): where the list stands against its deadline,
 * then the list, the import, duplicates, publication and objections as views (?view=…).
 */
import { Card, Descriptions, Space, Tabs, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { formatDate, formatNumber, useLang, useT } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { StepDeadline } from '../election/StepDeadline.tsx';
import { VoterList } from './VoterList.tsx';
import { ImportVoters } from './ImportVoters.tsx';
import { Duplicates } from './Duplicates.tsx';
import { Publication } from './Publication.tsx';
import { Objections } from './Objections.tsx';

const views = ['list', 'import', 'duplicates', 'publication', 'objections'] as const;
type View = (typeof views)[number];

export function VotersTab() {
  const t = useT();
  const [lang] = useLang();
  const { election } = useArea();
  const [params, setParams] = useSearchParams();
  const view: View = views.find((v) => v === params.get('view')) ?? 'list';
  const show = (v: View) => setParams(v === 'list' ? {} : { view: v });
  const list = election.voterList;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('voters.registered')}>
            <span data-testid="voters-registered">{formatNumber(list.registered, lang)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('voters.publishBy')}>
            <Space size={6} wrap>
              {formatDate(list.publishBy, lang)}
              {list.overdue ? <Tag color="red">{t('voters.publicationOverdue')}</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('voters.publication')}>
            {list.latest ? (
              <Space size={6} wrap data-testid="voters-published">
                {t('voters.publishedVersion', { version: list.latest.version, date: formatDate(list.latest.publishedOn, lang) })}
                <Tag color={list.latest.onTime ? 'success' : 'orange'}>{t(list.latest.onTime ? 'voters.onTime' : 'voters.late')}</Tag>
              </Space>
            ) : (
              <Tag>{t('voters.notPublished')}</Tag>
            )}
          </Descriptions.Item>
        </Descriptions>
        <StepDeadline election={election} step="VOTER_REGISTRATION" label={t('voters.stepDeadline')} />
      </Card>
      <Tabs
        activeKey={view}
        onChange={(key) => show(views.find((v) => v === key) ?? 'list')}
        destroyOnHidden
        items={[
          { key: 'list', label: t('voters.view.list'), children: <VoterList /> },
          { key: 'import', label: <span data-testid="view-import">{t('voters.view.import')}</span>, children: <ImportVoters onShowDuplicates={() => show('duplicates')} /> },
          { key: 'duplicates', label: <span data-testid="view-duplicates">{t('voters.view.duplicates')}</span>, children: <Duplicates /> },
          { key: 'publication', label: <span data-testid="view-publication">{t('voters.view.publication')}</span>, children: <Publication /> },
          {
            key: 'objections',
            label: (
              <span data-testid="view-objections">
                {t('voters.view.objections')}
                {election.overdueObjections > 0 ? <Tag color="red" style={{ marginLeft: 6 }}>{election.overdueObjections}</Tag> : null}
              </span>
            ),
            children: <Objections />,
          },
        ]}
      />
    </Space>
  );
}
