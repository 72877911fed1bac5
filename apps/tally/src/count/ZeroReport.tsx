/**
 * The zero report (零报告): printed when a box is opened, before the first ballot is read, showing
 * every candidate of every section at 0 — signed by the reader, the clerk and the scrutineer.
 */
import { Button, Space } from 'antd';
import { formatDateTime, useLang } from '@huanjie/ui';
import { useTallyT } from '../messages.ts';
import { sectionsOf, type BoxData, type CountElection, type CountRoundData } from './data.ts';
import '../print/print.css';

export function ZeroReport({
  election,
  round,
  box,
  onStart,
  onBack,
}: {
  readonly election: CountElection;
  readonly round: CountRoundData;
  readonly box: BoxData;
  readonly onStart: () => void;
  readonly onBack: () => void;
}) {
  const tt = useTallyT();
  const [lang] = useLang();
  const sections = sectionsOf(round, election.ballotLayout);
  const committee = tt(`committee.${election.community.kind}`);
  return (
    <div data-testid="zero-report">
      <div className="print-toolbar no-print">
        <Button size="large" onClick={onBack}>
          {tt('entry.backToBoxes')}
        </Button>
        <Button size="large" onClick={() => window.print()} data-testid="print-zero">
          {tt('count.zeroPrint')}
        </Button>
        {box.status === 'counting' && !round.certifiedAt ? (
          <Button type="primary" size="large" autoFocus onClick={onStart} data-testid="start-entry">
            {tt('count.startEntry')}
          </Button>
        ) : null}
      </div>
      <div className="sheet">
        <h1>
          {election.community.name}
          {committee}
        </h1>
        <p className="doc-subtitle">
          {tt('count.zeroTitle', { box: box.place.boxNumber })} · {round.kind === 'runoff' ? tt('count.runoffRound', { n: round.number }) : tt('count.round', { n: round.number })}
        </p>
        <p className="doc-text">{tt('count.zeroText', { place: box.place.name, returned: box.ballotsReturned })}</p>
        <p className="doc-text">{tt('count.openedAt', { time: formatDateTime(box.openedAt, lang) })}</p>
        {sections.map((s) => (
          <table key={s.id}>
            <thead>
              <tr>
                <th>
                  {s.title}（{tt('entry.seats', { n: s.seats })}）
                </th>
                <th style={{ textAlign: 'right' }}>{tt('count.votes')}</th>
              </tr>
            </thead>
            <tbody>
              {s.candidates.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td className="num" data-testid="zero-votes">
                    0
                  </td>
                </tr>
              ))}
              <tr>
                <td>{tt('count.writeInsRow')}</td>
                <td className="num">0</td>
              </tr>
            </tbody>
          </table>
        ))}
        <Space className="doc-sign" style={{ display: 'block' }}>
          {tt('count.signatures')}
        </Space>
      </div>
    </div>
  );
}
