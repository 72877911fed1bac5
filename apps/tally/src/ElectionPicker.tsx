/** The elections this account may count, soonest first. */
import { Alert, Card, Empty, List, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage, formatDate, graphql, useLang, useT } from '@huanjie/ui';

const MyElectionsQuery = graphql(`
  query MyElections {
    myElections { id electionDay community { id code name kind } cycle { id name } }
  }
`);

export function ElectionPicker() {
  const t = useT();
  const [lang] = useLang();
  const [result] = useQuery({ query: MyElectionsQuery, requestPolicy: 'cache-and-network' });
  const elections = result.data?.myElections;
  return (
    <div data-testid="election-picker">
      <Typography.Title level={2}>{t('tally.pick')}</Typography.Title>
      {result.error && !elections ? <Alert type="error" showIcon title={errorMessage(result.error, t('error.network'))} /> : null}
      {!elections ? (
        result.fetching ? <Spin size="large" /> : null
      ) : elections.length === 0 ? (
        <Card>
          <Empty description={t('tally.none')} />
        </Card>
      ) : (
        <List
          grid={{ gutter: 24, xs: 1, sm: 2, lg: 3 }}
          dataSource={elections}
          renderItem={(e) => (
            <List.Item>
              <Link to={`/e/${encodeURIComponent(e.id)}`} data-testid={`election-${e.community.code}`}>
                <Card hoverable>
                  <Typography.Title level={3} style={{ marginTop: 0 }}>
                    {e.community.name}
                  </Typography.Title>
                  <div style={{ fontSize: 22 }}>{formatDate(e.electionDay, lang)}</div>
                  <Tag style={{ marginTop: 12, fontSize: 14 }}>{t(`kindShort.${e.community.kind}`)}</Tag>
                  <Typography.Text type="secondary">{e.community.code}</Typography.Text>
                </Card>
              </Link>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
