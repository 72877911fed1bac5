/** E3: the list of principals and proxy holders the election committee publishes. */
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { formatDate, graphql, useLang, useT } from '@huanjie/ui';
import { noOutcome } from '../outcome.ts';
import { PrintFrame } from './PrintFrame.tsx';

const ProxyListQuery = graphql(`
  query PrintProxies($code: String!) {
    community(code: $code) {
      id name kind
      election { id proxies { relation writtenOn principal { id name group } holder { id name group } } }
    }
  }
`);

export function ProxyListPrint() {
  const t = useT();
  const [lang] = useLang();
  const { code = '' } = useParams();
  const [result] = useQuery({ query: ProxyListQuery, variables: { code }, requestPolicy: 'network-only' });
  const community = result.data?.community;
  const proxies = community?.election?.proxies ?? [];
  const committee = community ? t(`electionCommittee.${community.kind}`) : '';
  const title = community ? t('printProxies.title', { community: community.name }) : t('proxies.title');
  const error = result.error ? noOutcome(result.error, t) : community && !community.election ? t('community.noElection') : null;

  return (
    <PrintFrame title={title} back="/polling" loading={!result.data && result.fetching} error={error}>
      {community ? (
        <div className="sheet" data-testid="proxy-list">
          <h1 className="doc-title">{title}</h1>
          <p className="doc-text">{t('printProxies.intro', { committee, n: proxies.length })}</p>
          <table className="doc-table">
            <thead>
              <tr>
                <th>{t('print.no')}</th>
                <th>{t('proxies.principal')}</th>
                <th>{t('voters.group')}</th>
                <th>{t('proxies.holder')}</th>
                <th>{t('voters.group')}</th>
                <th>{t('proxies.relation')}</th>
                <th>{t('proxies.writtenOn')}</th>
              </tr>
            </thead>
            <tbody>
              {proxies.map((p, i) => (
                <tr key={p.principal.id}>
                  <td>{i + 1}</td>
                  <td>{p.principal.name}</td>
                  <td>{p.principal.group}</td>
                  <td>{p.holder.name}</td>
                  <td>{p.holder.group}</td>
                  <td>{t(`relative.${p.relation}`)}</td>
                  <td>{formatDate(p.writtenOn, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="doc-sign">
            {community.name}
            {committee}
          </div>
        </div>
      ) : null}
    </PrintFrame>
  );
}
