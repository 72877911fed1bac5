/**
 * The results announcement (公告, G1: announced on the spot) and the election certificates (当选证书,
 * issued by the township government), A4 by browser print, from the certified rounds only.
 */
import { useEffect, type ReactNode } from 'react';
import { Alert, Button, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage, formatDate, useLang, useT, useViewer } from '@huanjie/ui';
import { useTallyT } from '../messages.ts';
import { localDay, ResultsQuery, seatOutcomes, type ResultsElection } from './data.ts';
import '../print/print.css';

function useCertifiedElection(): { election: ResultsElection | null; frame: (title: string, sheets: ReactNode) => ReactNode } {
  const t = useT();
  const tt = useTallyT();
  const { electionId = '' } = useParams();
  const [result] = useQuery({ query: ResultsQuery, variables: { id: electionId }, requestPolicy: 'cache-and-network' });
  const node = result.data?.node;
  const election = node?.__typename === 'Election' ? node : null;
  const certified = election?.countRounds.some((r) => r.certifiedAt) ?? false;
  const frame = (title: string, sheets: ReactNode) => (
    <PrintFrame title={title} back={`/e/${encodeURIComponent(electionId)}/results`}>
      {!election ? (
        result.fetching ? (
          <Spin size="large" />
        ) : (
          <Alert type="error" showIcon title={result.error ? errorMessage(result.error, t('error.network')) : t('tally.notFound')} />
        )
      ) : !certified ? (
        <Alert type="warning" showIcon title={tt('results.printNeedsCertified')} />
      ) : (
        sheets
      )}
    </PrintFrame>
  );
  return { election: certified ? election : null, frame };
}

function PrintFrame({ title, back, children }: { readonly title: string; readonly back: string; readonly children: ReactNode }) {
  const tt = useTallyT();
  const navigate = useNavigate();
  useEffect(() => {
    const before = document.title;
    document.title = title; // the browser offers it as the PDF's name
    return () => {
      document.title = before;
    };
  }, [title]);
  return (
    <div>
      <div className="print-toolbar no-print">
        <Button size="large" onClick={() => navigate(back)}>
          {tt('nav.back')}
        </Button>
        <Button type="primary" size="large" onClick={() => window.print()} autoFocus data-testid="print-now">
          {title}
        </Button>
      </div>
      {children}
    </div>
  );
}

/** The day of the last certification: the announcement is dated when the result was confirmed. */
function certifiedDay(election: ResultsElection): string {
  const last = election.countRounds.filter((r) => r.certifiedAt).at(-1)?.certifiedAt;
  return last ? localDay(last) : election.electionDay;
}

export function AnnouncementPage() {
  const tt = useTallyT();
  const [lang] = useLang();
  const { election, frame } = useCertifiedElection();
  if (!election) return frame(tt('results.announcement'), null);
  const kind = election.community.kind;
  const committee = tt(`committee.${kind}`);
  const first = election.countRounds[0];
  const title = tt('announcement.title', { community: election.community.name, committee });
  const seats = seatOutcomes(election);
  return frame(
    tt('results.announcement'),
    <div className="sheet" data-testid="announcement">
      <h1>{title}</h1>
      <p className="doc-text">
        {tt('announcement.body', {
          law: tt(`announcement.law.${kind}`),
          community: election.community.name,
          date: formatDate(election.electionDay, lang),
          committee,
          registered: election.turnout.registered,
          issued: election.turnout.issued,
          cast: first?.determination?.ballotsCast ?? 0,
        })}
      </p>
      {election.countRounds
        .filter((r) => r.kind === 'runoff' && r.certifiedAt)
        .map((r) => (
          <p className="doc-text" key={r.id}>
            {tt('announcement.runoff', { n: r.number, cast: r.determination?.ballotsCast ?? 0 })}
          </p>
        ))}
      <ul className="doc-list">
        {seats.map((s) => (
          <li key={s.id}>{tt('announcement.item', { title: s.title, names: s.elected.map((e) => e.name).join('、') || tt('results.noElected') })}</li>
        ))}
      </ul>
      {seats
        .filter((s) => s.vacancies > 0)
        .map((s) => (
          <p className="doc-text" key={s.id}>
            {tt('announcement.vacant', { title: s.title, n: s.vacancies })}
          </p>
        ))}
      <p className="doc-text">{tt('announcement.footer')}</p>
      <div className="doc-sign">
        <div>{tt('announcement.signer', { community: election.community.name, electionCommittee: tt(`electionCommittee.${kind}`) })}</div>
        <div>{formatDate(certifiedDay(election), lang)}</div>
      </div>
    </div>,
  );
}

export function CertificatesPage() {
  const tt = useTallyT();
  const [lang] = useLang();
  const { township } = useViewer();
  const { election, frame } = useCertifiedElection();
  if (!election) return frame(tt('results.certificates'), null);
  const kind = election.community.kind;
  const committee = tt(`committee.${kind}`);
  const people = seatOutcomes(election).flatMap((s) => s.elected);
  return frame(
    tt('results.certificates'),
    <>
      {people.map((p, i) => (
        <div className="sheet certificate" key={`${p.positionId}-${p.id}`} data-testid="certificate">
          <h1>{tt('certificate.title')}</h1>
          <div className="doc-to">{tt('certificate.to', { name: p.name })}</div>
          <p className="doc-text">
            {tt('certificate.body', { date: formatDate(election.electionDay, lang), community: election.community.name, committee, title: p.positionTitle })}
          </p>
          <p className="doc-text">{tt('certificate.closing')}</p>
          <div className="doc-sign">
            <div>{tt('certificate.signer', { township: township?.name ?? '' })}</div>
            <div>{formatDate(certifiedDay(election), lang)}</div>
            <div style={{ fontSize: '11pt' }}>{tt('certificate.no', { no: `${election.community.code}-${String(i + 1).padStart(2, '0')}` })}</div>
          </div>
        </div>
      ))}
    </>,
  );
}
