/** D3: the formal candidate list as it is posted, by position, in surname stroke order (姓氏笔画). */
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { formatDate, graphql, useLang, useT, type PositionKind } from '@huanjie/ui';
import { noOutcome } from '../outcome.ts';
import { PrintFrame } from './PrintFrame.tsx';

const CandidateListQuery = graphql(`
  query PrintCandidates($code: String!) {
    community(code: $code) {
      id name kind
      election { id formalListPublishedOn candidates(stage: FORMAL) { id name sex age position education partyMember } }
    }
  }
`);

const order: readonly PositionKind[] = ['DIRECTOR', 'DEPUTY', 'MEMBER'];

export function CandidateListPrint() {
  const t = useT();
  const [lang] = useLang();
  const { code = '' } = useParams();
  const [result] = useQuery({ query: CandidateListQuery, variables: { code }, requestPolicy: 'network-only' });
  const community = result.data?.community;
  const election = community?.election ?? null;
  const title = community ? t('printCandidates.title', { community: community.name, committee: t(`kind.${community.kind}`) }) : t('formalList.title');
  const error = result.error ? noOutcome(result.error, t) : community && !election ? t('community.noElection') : null;

  return (
    <PrintFrame title={title} back="/candidates" loading={!result.data && result.fetching} error={error}>
      {community && election ? (
        <div className="sheet" data-testid="candidate-list">
          <h1 className="doc-title">{title}</h1>
          <p className="doc-subtitle">{t('printCandidates.order')}</p>
          {order.map((position) => {
            const candidates = election.candidates.filter((c) => c.position === position);
            if (candidates.length === 0) return null;
            return (
              <section key={position} style={{ marginBottom: '6mm' }}>
                <h2 style={{ fontSize: '13pt', margin: '0 0 2mm' }}>{t('printCandidates.position', { position: t(`position.${position}`), n: candidates.length })}</h2>
                <table className="doc-table">
                  <thead>
                    <tr>
                      <th>{t('print.no')}</th>
                      <th>{t('voters.name')}</th>
                      <th>{t('voters.sex')}</th>
                      <th>{t('voters.age')}</th>
                      <th>{t('candidates.education')}</th>
                      <th>{t('candidates.partyMember')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {candidates.map((c, i) => (
                      <tr key={c.id}>
                        <td>{i + 1}</td>
                        <td>{c.name}</td>
                        <td>{t(`sex.${c.sex}`)}</td>
                        <td>{c.age}</td>
                        <td>{c.education ? t(`education.${c.education}`) : ''}</td>
                        <td>{c.partyMember ? t('common.yes') : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            );
          })}
          <div className="doc-sign">
            {community.name}
            {t(`electionCommittee.${community.kind}`)}
            <br />
            {election.formalListPublishedOn ? formatDate(election.formalListPublishedOn, lang) : t('formalList.notPublished')}
          </div>
        </div>
      ) : null}
    </PrintFrame>
  );
}
