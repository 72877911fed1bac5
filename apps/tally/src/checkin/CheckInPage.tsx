/**
 * /e/:electionId/checkin — ballot issuance at the check-in desk (E3–E7): choose the polling place
 * once, then for each voter type a name, pinyin initials or ID tail (or scan the certificate) and
 * press Enter. A proxy holder collects for their principals in the same step; a principal's ballot
 * goes to their holder. Refusals are shown big, in the server's words; turnout updates live.
 */
import { useState } from 'react';
import { Alert, Button, Card, Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage, useT } from '@huanjie/ui';
import { useTallyT } from '../messages.ts';
import { CheckInElectionQuery, issuanceRound, type CheckInElection, type Proxy } from './data.ts';
import { CheckInDesk } from './CheckInDesk.tsx';
import { TurnoutPanel } from './TurnoutPanel.tsx';

const placeKey = (electionId: string) => `huanjie.checkin.place.${electionId}`;

function storedPlace(electionId: string): string | null {
  try {
    return window.localStorage.getItem(placeKey(electionId));
  } catch {
    return null; // storage disabled: the clerk picks the place each visit
  }
}

export function CheckInPage() {
  const t = useT();
  const tt = useTallyT();
  const { electionId = '' } = useParams();
  const [result] = useQuery({ query: CheckInElectionQuery, variables: { id: electionId } });
  const [placeId, setPlaceId] = useState<string | null>(() => storedPlace(electionId));
  const node = result.data?.node;
  const election = node?.__typename === 'Election' ? node : null;
  if (!election) {
    if (result.fetching) return <Spin size="large" />;
    return <Alert type="error" showIcon title={result.error ? errorMessage(result.error, t('error.network')) : t('tally.notFound')} />;
  }
  const choose = (id: string | null) => {
    setPlaceId(id);
    try {
      if (id) window.localStorage.setItem(placeKey(electionId), id);
      else window.localStorage.removeItem(placeKey(electionId));
    } catch {
      // not remembered then; nothing else depends on it
    }
  };
  const place = election.pollingPlaces.find((p) => p.id === placeId) ?? null;
  const round = issuanceRound(election);
  return (
    <div data-testid="checkin">
      <Typography.Title level={1} style={{ fontSize: 40 }}>
        {election.community.name} · {tt('checkin.title')}
        <span style={{ fontSize: 22, fontWeight: 400, marginLeft: 16 }}>{round.runoff ? `${tt('checkin.round', { n: round.number })} · ${tt('checkin.runoff')}` : null}</span>
      </Typography.Title>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 360px', gap: 24, alignItems: 'start' }}>
        <div>{place ? <CheckInDesk election={election} place={place} round={round.number} onChangePlace={() => choose(null)} /> : <PlacePicker election={election} onPick={choose} />}</div>
        <div style={{ display: 'grid', gap: 16 }}>
          <TurnoutPanel electionId={election.id} round={round.number} />
          <ProxyList proxies={election.proxies} />
        </div>
      </div>
    </div>
  );
}

function PlacePicker({ election, onPick }: { readonly election: CheckInElection; readonly onPick: (id: string) => void }) {
  const tt = useTallyT();
  if (election.pollingPlaces.length === 0) return <Alert type="warning" showIcon title={tt('checkin.noPlaces')} style={{ fontSize: 20 }} />;
  return (
    <Card title={<span style={{ fontSize: 24 }}>{tt('checkin.pickPlace')}</span>}>
      <div style={{ display: 'grid', gap: 12 }}>
        {election.pollingPlaces.map((p, i) => (
          <Button key={p.id} size="large" style={{ height: 64, fontSize: 24 }} autoFocus={i === 0} onClick={() => onPick(p.id)} data-testid={`place-${p.boxNumber}`}>
            {p.name}（{p.boxNumber}）
          </Button>
        ))}
      </div>
    </Card>
  );
}

/** The published list of principals and holders (E3), for the desk to see at a glance. */
function ProxyList({ proxies }: { readonly proxies: readonly Proxy[] }) {
  const tt = useTallyT();
  return (
    <Card title={<span style={{ fontSize: 20 }}>{tt('checkin.proxies')}</span>} size="small" data-testid="proxy-list">
      {proxies.length === 0 ? <Typography.Text type="secondary">{tt('checkin.noProxies')}</Typography.Text> : null}
      {proxies.map((p) => (
        <div key={p.principal.id} style={{ fontSize: 18, padding: '2px 0' }}>
          {tt('checkin.proxyRow', { principal: p.principal.name, holder: p.holder.name, relation: tt(`relation.${p.relation}`) })}
        </div>
      ))}
    </Card>
  );
}
