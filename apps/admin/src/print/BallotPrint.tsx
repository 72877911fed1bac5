/**
 * The ballot (选票) on A4: one section per position in the server's ballotLayout order — exactly the
 * sections the tally app counts — candidates in the given (stroke) order, a mark box under each
 * name, and the section's write-in (另选人) columns.
 */
import { Alert } from 'antd';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { formatDate, graphql, useLang, useT, type ResultOf } from '@huanjie/ui';
import { noOutcome } from '../outcome.ts';
import { PrintFrame } from './PrintFrame.tsx';

const BallotQuery = graphql(`
  query BallotLayout($code: String!) {
    community(code: $code) {
      id name kind
      election {
        id electionDay
        ballotLayout { position title seats reservedWomenSeats writeInLines candidates { id name } }
      }
    }
  }
`);

type Section = NonNullable<NonNullable<ResultOf<typeof BallotQuery>['community']>['election']>['ballotLayout'][number];

export function BallotPrint() {
  const t = useT();
  const [lang] = useLang();
  const { code = '' } = useParams();
  const [result] = useQuery({ query: BallotQuery, variables: { code }, requestPolicy: 'network-only' });
  const community = result.data?.community;
  const election = community?.election ?? null;
  const title = community ? t('ballot.title', { community: community.name, committee: t(`kind.${community.kind}`) }) : t('ballot.titleShort');
  const error = result.error ? noOutcome(result.error, t) : community && !election ? t('community.noElection') : null;

  return (
    <PrintFrame title={title} back="/candidates" loading={!result.data && result.fetching} error={error}>
      {election ? (
        <div className="sheet" data-testid="ballot">
          <h1 className="doc-title">{title}</h1>
          <p className="doc-subtitle">{t('ballot.date', { date: formatDate(election.electionDay, lang) })}</p>
          <div className="ballot-instruction" data-testid="ballot-instruction">
            <div>{t('ballot.instruction')}</div>
            <div>{t('ballot.overvote')}</div>
          </div>
          {election.ballotLayout.length === 0 ? <Alert className="no-print" type="warning" showIcon title={t('ballot.noLayout')} /> : null}
          {election.ballotLayout.map((s) => (
            <BallotSection key={s.position} section={s} />
          ))}
        </div>
      ) : null}
    </PrintFrame>
  );
}

function BallotSection({ section: s }: { readonly section: Section }) {
  const t = useT();
  const writeIns = Array.from({ length: s.writeInLines }, (_, i) => i);
  return (
    <section className="ballot-section" data-testid="ballot-section" data-position={s.position}>
      <h2>
        {s.title}
        <span className="note">
          {t('ballot.seats', { n: s.seats })}
          {s.reservedWomenSeats > 0 ? t('ballot.reservedWomen', { n: s.reservedWomenSeats }) : ''}
        </span>
      </h2>
      <table className="ballot-table">
        <tbody>
          <tr className="names">
            <td className="label">{t('ballot.candidates')}</td>
            {s.candidates.map((c) => (
              <td key={c.id} data-testid="ballot-candidate">
                {c.name}
              </td>
            ))}
            {writeIns.map((i) => (
              <td key={`w${i}`} className="write-in" data-testid="ballot-write-in">
                {t('ballot.writeIn')}
              </td>
            ))}
          </tr>
          <tr className="marks">
            <td className="label">{t('ballot.mark')}</td>
            {s.candidates.map((c) => (
              <td key={c.id} aria-label={t('ballot.markFor', { name: c.name })} />
            ))}
            {writeIns.map((i) => (
              <td key={`w${i}`} aria-label={t('ballot.writeIn')} />
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
