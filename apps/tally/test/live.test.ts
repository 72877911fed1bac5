/** The board's arithmetic: events in sequence order, each once, whatever the reconnects. */
import { describe, expect, it } from 'vitest';
import { RunningTally, securedSeats, tallyDelta, thresholdFor } from '@huanjie/domain';
import { LiveCount, parseRunningTallyState, parseTallyDelta, parseTallyEvents, type CountMeta, type LiveEvent } from '../src/live/count.ts';

const meta: CountMeta = {
  communityName: '青山村',
  electionDay: '2026-12-20',
  round: 1,
  roundKind: 'first',
  registered: 12,
  ballotsIssued: 10,
  places: 2,
  positions: [
    { id: 'director', title: '主任', seats: 1 },
    { id: 'member', title: '委员', seats: 2 },
  ],
  names: new Map([
    ['c1', '王强'],
    ['c2', '张建国'],
    ['c3', '赵丽'],
    ['c4', '陈静'],
  ]),
};

const at = '2026-12-20T08:00:00.000Z';
const opened = (seq: number, boxId: number, ballotsReturned: number): LiveEvent => ({ seq, round: 1, kind: 'box-opened', at, boxId, ballotsReturned, ballot: null });
const ballot = (seq: number, id: number, sections: string[][], boxId = 1): LiveEvent => ({ seq, round: 1, kind: 'ballot', at, boxId, ballotsReturned: null, ballot: { id, spoiled: false, sections } });
const voided = (seq: number, of: LiveEvent): LiveEvent => ({ ...of, seq, kind: 'void' });

/** A count's events: two boxes, ballots, an over-marked section, a spoiled ballot and a correction. */
function events(): LiveEvent[] {
  const list: LiveEvent[] = [opened(1, 1, 6), opened(2, 2, 4)];
  const marks = [
    [['c1'], ['c3', 'c4']],
    [['c1'], ['c3', '李小明']],
    [['c1', 'c2'], ['c3']],
    [['c2'], ['c4']],
    [[], []],
  ];
  marks.forEach((m, i) => list.push(ballot(list.length + 1, 100 + i, m, 1 + (i % 2))));
  list.push({ seq: list.length + 1, round: 1, kind: 'ballot', at, boxId: 1, ballotsReturned: null, ballot: { id: 200, spoiled: true, sections: [] } });
  list.push(voided(list.length + 1, list[5]!)); // the fourth ballot (c2 | c4) is corrected
  list.push(ballot(list.length + 1, 201, [['c1'], ['c4']], 2));
  return list;
}

describe('the live count', () => {
  it('applies each event once: a replayed batch changes nothing', () => {
    const count = LiveCount.fromStart(meta, { lastUpdate: null });
    const all = events();
    count.apply(all);
    const once = JSON.stringify(count.tally.snapshot());
    count.apply(all);
    count.apply(all.slice(3, 6));
    expect(JSON.stringify(count.tally.snapshot())).toBe(once);
    expect(count.seq).toBe(all.at(-1)!.seq);
    expect(count.tally.ballotsCounted).toBe(6);
  });

  it('takes a voided ballot back out, in its box too', () => {
    const count = LiveCount.fromStart(meta, { lastUpdate: null });
    count.apply(events());
    expect(count.tally.tally(0)).toEqual([
      { id: 'c1', votes: 3 },
    ]);
    expect(count.tally.voidSections(0)).toBe(1);
    expect(count.tally.tally(1)).toEqual([
      { id: 'c3', votes: 3 },
      { id: 'c4', votes: 2 },
      { id: '李小明', votes: 1 },
    ]);
    expect(count.boxes.get(1)).toEqual({ returned: 6, counted: 4, closed: false }); // three ballots and the spoiled one
    expect(count.boxes.get(2)).toEqual({ returned: 4, counted: 2, closed: false }); // three, one voided
    expect(count.ballots.get(103)?.voided).toBe(true);
  });

  it('a snapshot at any seq plus the events after it equals the whole replay', () => {
    const all = events();
    const full = LiveCount.fromStart(meta, { lastUpdate: null });
    full.apply(all);
    for (let cut = 0; cut <= all.length; cut += 1) {
      const head = LiveCount.fromStart(meta, { lastUpdate: null });
      head.apply(all.slice(0, cut));
      const state = parseRunningTallyState(JSON.parse(JSON.stringify(head.tally.snapshot())));
      expect(state).not.toBeNull();
      const board = LiveCount.fromSnapshot(meta, { seq: head.seq, lastUpdate: null, ballotsReturned: head.ballotsReturned, boxesOpened: head.boxesOpened, boxesClosed: 0, certified: false, state: state! });
      // The stream after a reconnect starts after the snapshot but may overlap what was applied.
      board.apply(all.slice(Math.max(0, cut - 2)));
      expect(board.tally.snapshot()).toEqual(full.tally.snapshot());
      expect(board.positions()).toEqual(full.positions());
    }
  });

  it('a snapshot plus the summed-up batch after it (tallyDeltas) equals the whole replay; a gap asks for a snapshot', () => {
    const all = events();
    const full = LiveCount.fromStart(meta, { lastUpdate: null });
    full.apply(all);
    const cut = 4;
    const head = LiveCount.fromStart(meta, { lastUpdate: null });
    head.apply(all.slice(0, cut));
    const board = LiveCount.fromSnapshot(meta, { seq: head.seq, lastUpdate: null, ballotsReturned: head.ballotsReturned, boxesOpened: head.boxesOpened, boxesClosed: 0, certified: false, state: head.tally.snapshot() });
    const rest = all.slice(cut);
    const batch = {
      round: 1,
      fromSeq: rest[0]!.seq,
      toSeq: rest.at(-1)!.seq,
      lastUpdate: at,
      tally: tallyDelta(
        meta.positions.map((p) => p.seats),
        rest.flatMap((e) => (e.ballot && (e.kind === 'ballot' || e.kind === 'void') ? [{ ballot: e.ballot, sign: e.kind === 'ballot' ? (1 as const) : (-1 as const) }] : [])),
      ),
      ballotsReturned: rest.reduce((n, e) => n + (e.kind === 'box-opened' ? (e.ballotsReturned ?? 0) : 0), 0),
      boxesOpened: rest.filter((e) => e.kind === 'box-opened').length,
      boxesClosed: 0,
      certified: false,
      newRound: false,
    };
    const gapped = LiveCount.fromSnapshot(meta, { seq: head.seq - 1, lastUpdate: null, ballotsReturned: 0, boxesOpened: 0, boxesClosed: 0, certified: false, state: head.tally.snapshot() });
    expect(gapped.applyDelta(batch)).toBe('resync');
    expect(board.applyDelta(batch)).toBe('applied');
    expect(board.applyDelta(batch)).toBe('applied'); // the same batch again changes nothing
    expect(board.tally.snapshot()).toEqual(full.tally.snapshot());
    expect(board.positions()).toEqual(full.positions());
    expect(parseTallyDelta(JSON.parse(JSON.stringify(batch.tally)))).toEqual(batch.tally);
    expect(parseTallyDelta({ ballotsCounted: 'x' })).toBeNull();
  });

  it('asks for the snapshot again when an event of another round arrives (a run-off began)', () => {
    const count = LiveCount.fromStart(meta, { lastUpdate: null });
    expect(count.apply([{ seq: 1, round: 2, kind: 'round-created', at, boxId: 0, ballotsReturned: null, ballot: null }])).toBe('resync');
    const before = LiveCount.fromStart({ ...meta, round: null, positions: [] }, { lastUpdate: null });
    expect(before.apply([opened(1, 1, 6)])).toBe('resync');
  });

  it('computes threshold and secured seats the way the server builds its board (castBound, F5, F7)', () => {
    const count = LiveCount.fromStart(meta, { lastUpdate: null });
    count.apply(events());
    // One of two boxes opened: the round can have as many ballots as were issued (10).
    expect(count.castBound()).toBe(10);
    const positions = count.positions();
    expect(positions.map((p) => p.threshold)).toEqual([thresholdFor('first', 10), thresholdFor('first', 10)]);
    const remaining = 10 - count.tally.ballotsCounted;
    expect(positions[1]!.tally.filter((e) => e.secured).map((e) => e.id)).toEqual(securedSeats(count.tally.tally(1), 2, 10, remaining, 'first'));
    expect(positions[1]!.tally.map((e) => e.name)).toEqual(['赵丽', '陈静', '李小明']);
  });

  it('rejects a board state that is not a running tally', () => {
    expect(parseRunningTallyState({ seats: [1], tallies: [[{ id: 'c1', votes: 'x' }]], voidSections: [0], ballotsCounted: 1, spoiled: 0 })).toBeNull();
    expect(parseRunningTallyState(null)).toBeNull();
    expect(parseRunningTallyState(new RunningTally([1, 2]).snapshot())).not.toBeNull();
  });

  it('reads a batch’s json as the server keeps its events, and refuses anything else', () => {
    const json = [
      { electionId: 1, round: 1, seq: 1, kind: 'box-opened', at, boxId: 1, ballotsReturned: 6 },
      { electionId: 1, round: 1, seq: 2, kind: 'ballot', at, boxId: 1, ballot: { id: 9, spoiled: false, sections: [['c1'], ['c3', '李小明']] } },
    ];
    expect(parseTallyEvents(json)).toEqual([opened(1, 1, 6), ballot(2, 9, [['c1'], ['c3', '李小明']])]);
    expect(parseTallyEvents([{ ...json[1], ballot: { id: 9, spoiled: false, sections: [[1]] } }])).toBeNull();
    expect(parseTallyEvents({ events: [] })).toBeNull();
  });
});
