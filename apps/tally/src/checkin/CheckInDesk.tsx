/** The desk: one search box with focus, the matches, and the outcome of the last issuance, big. */
import { useRef, useState } from 'react';
import { Button, Card, Checkbox, Input, Tag, type InputRef } from 'antd';
import { useClient, useMutation, useQuery } from 'urql';
import { errorMessage, useT } from '@huanjie/ui';
import { useTallyT, type TallyKey } from '../messages.ts';
import { useDebounced } from '../count/WriteIn.tsx';
import {
  IssueBallotMutation,
  VoterByCertificateQuery,
  VoterSearchQuery,
  isCertificateCode,
  type CheckInElection,
  type FoundVoter,
  type Proxy,
} from './data.ts';

interface Outcome {
  readonly ok: boolean;
  /** "王强 领取选票", or the refusal's short name. */
  readonly title: string;
  /** The server's sentence, naming the rule. */
  readonly detail: string | null;
}

const REFUSALS: Readonly<Record<string, TallyKey>> = {
  ALREADY_ISSUED: 'refusal.ALREADY_ISSUED',
  PROXY_GIVEN: 'refusal.PROXY_GIVEN',
  NO_PROXY: 'refusal.NO_PROXY',
  NOT_REGISTERED: 'refusal.NOT_REGISTERED',
  NOT_FOUND: 'refusal.NOT_FOUND',
  FORBIDDEN: 'refusal.FORBIDDEN',
};

export function CheckInDesk({
  election,
  place,
  round,
  onChangePlace,
}: {
  readonly election: CheckInElection;
  readonly place: CheckInElection['pollingPlaces'][number];
  readonly round: number;
  readonly onChangePlace: () => void;
}) {
  const t = useT();
  const tt = useTallyT();
  const client = useClient();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [outcomes, setOutcomes] = useState<readonly Outcome[]>([]);
  const [busy, setBusy] = useState(false);
  const [, issueBallot] = useMutation(IssueBallotMutation);
  const typed = text.trim();
  const search = useDebounced(typed, 120);
  const searching = search !== '' && !isCertificateCode(search);
  const [found] = useQuery({ query: VoterSearchQuery, variables: { electionId: election.id, search }, pause: !searching });
  const matches = searching ? (found.data?.voters.edges.map((e) => e.node) ?? []) : [];
  // Matches of an earlier text while the last keys are on their way: shown dimmed (Enter asks afresh).
  const stale = search !== typed || found.fetching;
  const selected = matches[Math.min(highlight, matches.length - 1)] ?? null;

  const refusal = (code: string, message: string): Outcome => ({ ok: false, title: tt(REFUSALS[code] ?? 'refusal.other'), detail: message });

  const issue = async (voter: { id: string; name: string }, holder: { id: string; name: string } | null): Promise<Outcome> => {
    const res = await issueBallot({ electionId: election.id, placeId: place.id, voterId: voter.id, proxyHolderId: holder?.id ?? null, round });
    const r = res.data?.issueBallot;
    if (r?.__typename === 'BallotIssue') {
      return { ok: true, title: holder ? tt('checkin.issuedProxy', { holder: holder.name, principal: voter.name }) : tt('checkin.issuedTo', { name: voter.name }), detail: null };
    }
    if (r?.__typename === 'UserError') return refusal(r.code, r.message);
    const code = res.error?.graphQLErrors[0]?.extensions['code'];
    return refusal(typeof code === 'string' ? code : 'other', res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
  };

  /** The voter, their ballot via a holder if they gave a proxy, and a holder's principals. */
  const issueFor = async (voter: FoundVoter) => {
    const givenTo = election.proxies.find((p) => p.principal.id === voter.id);
    const results: Outcome[] = [];
    if (givenTo) {
      results.push(await issue(voter, givenTo.holder));
    } else {
      results.push(await issue(voter, null));
      for (const p of election.proxies.filter((x) => x.holder.id === voter.id && !excluded.has(x.principal.id))) results.push(await issue(p.principal, voter));
    }
    setOutcomes(results);
  };

  const submit = async () => {
    if (!typed || busy) return;
    setBusy(true);
    try {
      if (isCertificateCode(typed)) {
        const r = await client.query(VoterByCertificateQuery, { electionId: election.id, code: typed }, { requestPolicy: 'network-only' }).toPromise();
        const voter = r.data?.voterByCertificate;
        if (voter) await issueFor(voter);
        else setOutcomes([r.error ? { ok: false, title: tt('refusal.other'), detail: errorMessage(r.error, t('error.network')) } : { ok: false, title: tt('refusal.NOT_REGISTERED'), detail: tt('checkin.certNotFound', { code: typed }) }]);
      } else {
        // Enter may come before the debounced search caught up with the last key: ask now.
        let list = matches;
        if (search !== typed || found.fetching) {
          const r = await client.query(VoterSearchQuery, { electionId: election.id, search: typed }, { requestPolicy: 'network-only' }).toPromise();
          list = r.data?.voters.edges.map((e) => e.node) ?? [];
        }
        const voter = list[Math.min(highlight, list.length - 1)];
        if (!voter) {
          setOutcomes([{ ok: false, title: tt('checkin.noMatch'), detail: null }]);
          return;
        }
        await issueFor(voter);
      }
      setText('');
      setHighlight(0);
      setExcluded(new Set());
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 12, fontSize: 20 }}>
        <span>
          {tt('checkin.place')}：<strong data-testid="checkin-place">{place.name}（{place.boxNumber}）</strong>
        </span>
        <Button onClick={onChangePlace} tabIndex={-1}>
          {tt('checkin.changePlace')}
        </Button>
      </div>
      <Input
        ref={input}
        autoFocus
        size="large"
        value={text}
        placeholder={tt('checkin.search')}
        aria-label={tt('checkin.searchLabel')}
        style={{ fontSize: 30, height: 72 }}
        onChange={(e) => {
          setText(e.target.value);
          setHighlight(0);
          setExcluded(new Set());
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setHighlight((h) => Math.min(h + 1, Math.max(0, matches.length - 1)));
          else if (e.key === 'ArrowUp') setHighlight((h) => Math.max(0, h - 1));
          else if (e.key === 'Escape') setText('');
          else if (e.key === 'Enter') void submit();
          else return;
          e.preventDefault();
        }}
        data-testid="checkin-search"
      />
      <div style={{ color: '#666', fontSize: 16, margin: '6px 0 12px' }}>{tt('checkin.keys')}</div>
      {searching && !stale && found.data && matches.length === 0 ? <div style={{ fontSize: 22, color: '#888' }}>{tt('checkin.noMatch')}</div> : null}
      <div role="listbox" aria-label={tt('checkin.searchLabel')} aria-busy={stale} style={{ opacity: stale ? 0.45 : 1 }}>
        {matches.map((v, i) => (
          <VoterRow
            key={v.id}
            voter={v}
            active={v.id === selected?.id}
            proxies={election.proxies}
            excluded={excluded}
            onExclude={(id, out) => setExcluded((s) => (out ? new Set([...s, id]) : new Set([...s].filter((x) => x !== id))))}
            onClick={() => {
              setHighlight(i);
              input.current?.focus();
            }}
          />
        ))}
      </div>
      {outcomes.length > 0 ? <OutcomePanel outcomes={outcomes} /> : null}
    </>
  );
}

function VoterRow({
  voter,
  active,
  proxies,
  excluded,
  onExclude,
  onClick,
}: {
  readonly voter: FoundVoter;
  readonly active: boolean;
  readonly proxies: readonly Proxy[];
  readonly excluded: ReadonlySet<string>;
  readonly onExclude: (principalId: string, excluded: boolean) => void;
  readonly onClick: () => void;
}) {
  const tt = useTallyT();
  const givenTo = proxies.find((p) => p.principal.id === voter.id);
  const holds = proxies.filter((p) => p.holder.id === voter.id);
  return (
    <div
      role="option"
      aria-selected={active}
      onClick={onClick}
      data-testid="checkin-match"
      style={{ padding: '10px 16px', marginBottom: 6, borderRadius: 8, cursor: 'pointer', border: `3px solid ${active ? '#1677ff' : '#e8e8e8'}`, background: active ? '#e6f4ff' : '#fff' }}
    >
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}>
        <span style={{ fontSize: 30, fontWeight: 700 }}>{voter.name}</span>
        <span style={{ fontSize: 20 }}>{voter.sex === 'FEMALE' ? '女' : '男'}</span>
        <span style={{ fontSize: 20 }}>{voter.group}</span>
        <span style={{ fontSize: 18, color: '#666' }}>{tt('checkin.tail', { tail: voter.residentId.slice(-4) })}</span>
        <span style={{ fontSize: 18, color: '#666' }}>{tt('checkin.serial', { serial: voter.serial })}</span>
      </div>
      {givenTo ? (
        <Tag color="orange" style={{ fontSize: 18, padding: '4px 8px', marginTop: 6 }}>
          {tt('checkin.principalOf', { holder: givenTo.holder.name, relation: tt(`relation.${givenTo.relation}`) })}
        </Tag>
      ) : null}
      {holds.length > 0 ? (
        <div style={{ fontSize: 20, marginTop: 6 }} onClick={(e) => e.stopPropagation()}>
          {tt('checkin.holderOf')}
          {holds.map((p) => (
            <Checkbox key={p.principal.id} checked={!excluded.has(p.principal.id)} onChange={(e) => onExclude(p.principal.id, !e.target.checked)} style={{ fontSize: 20, marginLeft: 12 }} tabIndex={-1}>
              {p.principal.name}（{tt(`relation.${p.relation}`)}）
            </Checkbox>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function OutcomePanel({ outcomes }: { readonly outcomes: readonly Outcome[] }) {
  return (
    <div aria-live="assertive" data-testid="checkin-outcome" style={{ marginTop: 16 }}>
      {outcomes.map((o, i) => (
        <Card
          key={i}
          style={{ marginBottom: 8, borderWidth: 3, borderColor: o.ok ? '#52c41a' : '#cf1322', background: o.ok ? '#f6ffed' : '#fff1f0' }}
          styles={{ body: { padding: '16px 24px' } }}
          data-testid={o.ok ? 'outcome-ok' : 'outcome-refused'}
        >
          <div style={{ fontSize: 36, fontWeight: 700, color: o.ok ? '#389e0d' : '#cf1322' }}>
            {o.ok ? '✓ ' : '✗ '}
            {o.title}
          </div>
          {o.detail ? <div style={{ fontSize: 24, marginTop: 4 }}>{o.detail}</div> : null}
        </Card>
      ))}
    </div>
  );
}
