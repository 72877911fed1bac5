/**
 * /e/:electionId/count — the boxes of the current round: open one (ballots returned, then the zero
 * report to print), continue one being counted, or see that it is closed. `?box=` shows the entry
 * screen of that box; `?box=&mode=sheet` its tally sheet with double entry (计票单录入（双人）).
 */
import { useState } from 'react';
import { Alert, Button, Card, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage, useT } from '@huanjie/ui';
import { useTallyT } from '../messages.ts';
import { CountElectionQuery, currentRound, sectionsOf, type BoxData, type CountElection, type CountRoundData, type PlaceData } from './data.ts';
import { OpenBoxForm } from './OpenBoxForm.tsx';
import { ZeroReport } from './ZeroReport.tsx';
import { EntryScreen } from './EntryScreen.tsx';
import { SheetScreen } from './SheetScreen.tsx';

export function CountPage() {
  const t = useT();
  const tt = useTallyT();
  const { electionId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [result, refetch] = useQuery({ query: CountElectionQuery, variables: { id: electionId }, requestPolicy: 'cache-and-network' });
  const [zeroFor, setZeroFor] = useState<string | null>(null);
  const node = result.data?.node;
  const election = node?.__typename === 'Election' ? node : null;
  if (!election) {
    if (result.fetching) return <Spin size="large" />;
    return <Alert type="error" showIcon title={result.error ? errorMessage(result.error, t('error.network')) : t('tally.notFound')} />;
  }
  const round = currentRound(election);
  const boxId = params.get('box');
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (boxId && round) {
    const box = round.boxes.find((b) => b.id === boxId);
    if (!box) return <Alert type="warning" showIcon title={tt('entry.boxNotFound')} />;
    const leave = () => {
      reload();
      setZeroFor(null);
      setParams({});
    };
    if (params.get('mode') === 'sheet') {
      return <SheetScreen key={box.id} election={election} round={round} box={box} sections={sectionsOf(round, election.ballotLayout)} onLeave={leave} />;
    }
    return (
      <EntryScreen
        key={box.id}
        election={election}
        round={round}
        box={box}
        sections={sectionsOf(round, election.ballotLayout)}
        onLeave={leave}
      />
    );
  }
  const zeroBox = zeroFor && round ? round.boxes.find((b) => b.id === zeroFor) : undefined;
  if (zeroBox && round) {
    return (
      <ZeroReport
        election={election}
        round={round}
        box={zeroBox}
        onStart={() => {
          setZeroFor(null);
          setParams({ box: zeroBox.id });
        }}
        onBack={() => setZeroFor(null)}
      />
    );
  }
  return (
    <BoxList
      election={election}
      round={round}
      onOpened={(id) => {
        reload();
        setZeroFor(id);
      }}
      onZero={setZeroFor}
    />
  );
}

function RoundTitle({ round }: { readonly round: CountRoundData | null }) {
  const tt = useTallyT();
  const text = !round ? tt('count.firstRound') : round.kind === 'runoff' ? tt('count.runoffRound', { n: round.number }) : tt('count.round', { n: round.number });
  return <Typography.Text style={{ fontSize: 22 }}>{text}</Typography.Text>;
}

function BoxList({
  election,
  round,
  onOpened,
  onZero,
}: {
  readonly election: CountElection;
  readonly round: CountRoundData | null;
  readonly onOpened: (boxId: string) => void;
  readonly onZero: (boxId: string) => void;
}) {
  const tt = useTallyT();
  const certified = Boolean(round?.certifiedAt);
  return (
    <div data-testid="box-list">
      <Space align="baseline" size="large" wrap>
        <Typography.Title level={1} style={{ fontSize: 40, margin: 0 }}>
          {election.community.name} · {tt('count.title')}
        </Typography.Title>
        <RoundTitle round={round} />
      </Space>
      {certified ? (
        <Alert
          type="info"
          showIcon
          style={{ margin: '24px 0', fontSize: 20 }}
          title={tt('count.certified')}
          action={<Link to={`/e/${encodeURIComponent(election.id)}/results`}>{tt('count.toResults')}</Link>}
        />
      ) : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))', gap: 24, marginTop: 24 }}>
        {election.pollingPlaces.map((place) => (
          <BoxCard
            key={place.id}
            election={election}
            round={round}
            place={place}
            box={round?.boxes.find((b) => b.place.id === place.id) ?? null}
            certified={certified}
            onOpened={onOpened}
            onZero={onZero}
          />
        ))}
      </div>
    </div>
  );
}

function BoxCard({
  election,
  round,
  place,
  box,
  certified,
  onOpened,
  onZero,
}: {
  readonly election: CountElection;
  readonly round: CountRoundData | null;
  readonly place: PlaceData;
  readonly box: BoxData | null;
  readonly certified: boolean;
  readonly onOpened: (boxId: string) => void;
  readonly onZero: (boxId: string) => void;
}) {
  const tt = useTallyT();
  const [, setParams] = useSearchParams();
  const status = !box ? 'none' : box.status === 'closed' ? 'closed' : 'counting';
  // A box is counted either ballot by ballot or from its tally sheet, not both: the sheet is offered
  // while no ballot is entered, and once a sheet is in, the box goes on (and closes) from the sheet.
  const sheets = box?.tallySheets;
  const sheetStarted = (sheets?.sheets.length ?? 0) > 0;
  const sheetOpen = sheetStarted && sheets?.status !== 'accepted';
  return (
    <Card data-testid={`box-${place.boxNumber}`} styles={{ body: { fontSize: 20 } }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {tt('count.box', { n: place.boxNumber })}
        </Typography.Title>
        <Tag color={status === 'counting' ? 'processing' : status === 'closed' ? 'default' : 'warning'} style={{ fontSize: 16, padding: '4px 10px' }}>
          {tt(status === 'counting' ? 'count.counting' : status === 'closed' ? 'count.closed' : 'count.notOpened')}
        </Tag>
      </Space>
      <div style={{ margin: '8px 0 16px', color: '#555' }}>{place.name}</div>
      {box ? (
        <>
          <div style={{ fontSize: 24, fontWeight: 600 }}>{tt('count.progress', { counted: box.counted, returned: box.ballotsReturned })}</div>
          <div style={{ color: '#555' }}>{tt('count.issuedHere', { n: box.ballotsIssuedHere })}</div>
          {sheetStarted ? <SheetStatus status={sheets?.status ?? 'waiting'} entered={sheets?.sheets.length ?? 0} boxNumber={place.boxNumber} /> : null}
          <Space style={{ marginTop: 16 }} wrap>
            {status === 'counting' && !certified && !sheetStarted ? (
              <Button type="primary" size="large" onClick={() => setParams({ box: box.id })} data-testid={`continue-${place.boxNumber}`}>
                {tt('count.continue')}
              </Button>
            ) : null}
            {status === 'counting' && !certified && (box.counted === 0 || sheetStarted) ? (
              <Button size="large" type={sheetOpen ? 'primary' : 'default'} onClick={() => setParams({ box: box.id, mode: 'sheet' })} data-testid={`sheet-${place.boxNumber}`}>
                {tt('count.sheetEntry')}
              </Button>
            ) : null}
            <Button size="large" onClick={() => onZero(box.id)}>
              {tt('count.zeroReport')}
            </Button>
          </Space>
        </>
      ) : certified ? null : (
        <OpenBoxForm electionId={election.id} round={round?.number ?? null} place={place} onOpened={onOpened} />
      )}
    </Card>
  );
}

function SheetStatus({ status, entered, boxNumber }: { readonly status: string; readonly entered: number; readonly boxNumber: string }) {
  const tt = useTallyT();
  const [color, text] =
    status === 'accepted' ? ['#389e0d', tt('count.sheetAccepted')] : status === 'mismatch' ? ['#cf1322', tt('count.sheetMismatch')] : ['#d46b08', tt('count.sheetEntered', { n: entered })];
  return (
    <div style={{ color, fontWeight: 600, marginTop: 4 }} data-testid={`sheet-status-${boxNumber}`} data-status={status}>
      {text}
    </div>
  );
}
