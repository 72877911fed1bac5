/**
 * The tally sheet typed from the keyboard: 作废票, then per position (the printed ballot's order) a
 * vote field per candidate, 另选他人 rows and the void sections. Enter and Tab move to the next
 * field (⇧ back), `+` adds a write-in row to the position, Ctrl+Enter submits; an empty field is 0.
 * The sums beside it use the server's limits, so a figure that cannot be right shows before submit.
 */
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Input } from 'antd';
import { useTallyT, type TallyTranslate } from '../messages.ts';
import type { EntrySection } from './draft.ts';
import { digits, sheetInput, sheetTotals, type SheetDraft, type SheetPositionDraft, type SheetProblem, type SheetTotals, type WriteInRow } from './sheet.ts';

const FIELD = 'data-sheet-field';

function NumberField({
  field,
  position,
  value,
  label,
  invalid,
  onChange,
  testId,
}: {
  readonly field: string;
  readonly position: number | null;
  readonly value: string;
  readonly label: string;
  readonly invalid: boolean;
  readonly onChange: (value: string) => void;
  readonly testId: string;
}) {
  return (
    <Input
      size="large"
      inputMode="numeric"
      autoComplete="off"
      value={value}
      placeholder="0"
      aria-label={label}
      status={invalid ? 'error' : undefined}
      onChange={(e) => onChange(digits(e.target.value))}
      onFocus={(e) => e.currentTarget.select()}
      style={{ width: 110, fontSize: 26, fontWeight: 600, textAlign: 'right' }}
      {...{ [FIELD]: field, 'data-position': position ?? undefined, 'data-testid': testId }}
    />
  );
}

export function problemText(tt: TallyTranslate, sections: readonly EntrySection[], problem: SheetProblem): string {
  const title = sections[problem.position]?.title ?? '';
  return problem.kind === 'writeInNoName'
    ? tt('sheet.problem.writeInNoName', { title, votes: problem.votes })
    : tt('sheet.problem.writeInNoVotes', { title, name: problem.name });
}

let rowCounter = 0;
const newRowKey = () => `w${(rowCounter += 1)}`;

export function SheetForm({
  sections,
  draft,
  returned,
  busy,
  onChange,
  onSubmit,
  aside,
}: {
  readonly sections: readonly EntrySection[];
  readonly draft: SheetDraft;
  readonly returned: number;
  readonly busy: boolean;
  readonly onChange: (update: (draft: SheetDraft) => SheetDraft) => void;
  readonly onSubmit: () => void;
  /** Shown above the totals (the sheet's status). */
  readonly aside: ReactNode;
}) {
  const tt = useTallyT();
  const container = useRef<HTMLDivElement>(null);
  const [focusField, setFocusField] = useState<string | null>('spoiled');
  const totals = sheetTotals(sections, sheetInput(sections, draft), returned);

  // Focus after the render that created the field (a new write-in row, or the first field).
  useEffect(() => {
    if (!focusField) return;
    container.current?.querySelector<HTMLElement>(`[${FIELD}="${CSS.escape(focusField)}"]`)?.focus();
    setFocusField(null);
  }, [focusField, draft]);

  const setPosition = (i: number, update: (p: SheetPositionDraft) => SheetPositionDraft) =>
    onChange((d) => ({ ...d, positions: d.positions.map((p, j) => (j === i ? update(p) : p)) }));
  const setWriteIn = (i: number, key: string, change: Partial<Pick<WriteInRow, 'name' | 'votes'>>) =>
    setPosition(i, (p) => ({ ...p, writeIns: p.writeIns.map((w) => (w.key === key ? { ...w, ...change } : w)) }));
  const addWriteIn = (i: number) => {
    const key = newRowKey();
    setPosition(i, (p) => ({ ...p, writeIns: [...p.writeIns, { key, name: '', votes: '' }] }));
    setFocusField(`wn:${i}:${key}`);
  };
  const removeWriteIn = (i: number, key: string) => setPosition(i, (p) => ({ ...p, writeIns: p.writeIns.filter((w) => w.key !== key) }));

  const move = (from: HTMLElement, by: 1 | -1) => {
    const fields = [...(container.current?.querySelectorAll<HTMLElement>(`[${FIELD}]`) ?? [])];
    const next = fields[fields.indexOf(from) + by];
    if (next) next.focus();
    else if (by > 0) container.current?.querySelector<HTMLElement>('[data-sheet-submit]')?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
      return;
    }
    const target = e.target instanceof HTMLElement && e.target.hasAttribute(FIELD) ? e.target : null;
    if (!target || e.nativeEvent.isComposing) return; // an IME composing a name keeps its Enter
    if (e.key === 'Enter') {
      e.preventDefault();
      move(target, e.shiftKey ? -1 : 1);
    } else if (e.key === '+' || e.key === '＋') {
      const position = Number(target.getAttribute('data-position') ?? 'NaN');
      if (Number.isInteger(position)) {
        e.preventDefault();
        addWriteIn(position);
      }
    }
  };

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 400px', gap: 24, alignItems: 'start' }}>
      <div ref={container} onKeyDown={onKeyDown} data-testid="sheet-form">
        <section style={sectionStyle(totals.spoiledOver)}>
          <label style={{ display: 'flex', alignItems: 'center', gap: 16, fontSize: 26, fontWeight: 700 }}>
            <span style={{ minWidth: 140 }}>{tt('sheet.spoiled')}</span>
            <NumberField field="spoiled" position={null} value={draft.spoiled} label={tt('sheet.spoiled')} invalid={totals.spoiledOver} onChange={(spoiled) => onChange((d) => ({ ...d, spoiled }))} testId="sheet-spoiled" />
          </label>
        </section>
        {sections.map((s, i) => {
          const p = draft.positions[i] ?? { votes: {}, writeIns: [], voidSections: '' };
          const figures = totals.positions[i];
          const over = new Set(figures?.overNames.map((v) => v.mark) ?? []);
          const bad = Boolean(figures && (figures.totalOver || figures.voidOver || figures.overNames.length > 0));
          return (
            <section key={s.id} data-testid={`sheet-position-${s.id}`} style={sectionStyle(bad)}>
              <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, marginBottom: 10, flexWrap: 'wrap' }}>
                <span style={{ fontSize: 28, fontWeight: 700 }}>
                  {i + 1}. {s.title}
                </span>
                <span style={{ fontSize: 20, color: '#555' }}>{tt('entry.seats', { n: s.seats })}</span>
              </div>
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: '10px 24px' }}>
                {s.candidates.map((c) => (
                  <label key={c.id} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, fontSize: 26 }}>
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{c.name}</span>
                    <NumberField
                      field={`v:${i}:${c.id}`}
                      position={i}
                      value={p.votes[c.id] ?? ''}
                      label={`${s.title} ${c.name}`}
                      invalid={over.has(c.id)}
                      onChange={(value) => setPosition(i, (q) => ({ ...q, votes: { ...q.votes, [c.id]: value } }))}
                      testId={`sheet-votes-${s.id}-${c.name}`}
                    />
                  </label>
                ))}
              </div>
              {p.writeIns.map((w, k) => (
                <div key={w.key} style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 10, fontSize: 22 }} data-testid={`sheet-writein-${s.id}`}>
                  <span style={{ color: '#555', minWidth: 100 }}>{tt('sheet.writeIn')}</span>
                  <Input
                    size="large"
                    value={w.name}
                    placeholder={tt('sheet.writeInName')}
                    aria-label={`${s.title} ${tt('sheet.writeIn')} ${k + 1}`}
                    onChange={(e) => setWriteIn(i, w.key, { name: e.target.value })}
                    style={{ width: 200, fontSize: 24 }}
                    {...{ [FIELD]: `wn:${i}:${w.key}`, 'data-position': i, 'data-testid': `sheet-writein-name-${s.id}-${k}` }}
                  />
                  <NumberField
                    field={`wv:${i}:${w.key}`}
                    position={i}
                    value={w.votes}
                    label={`${s.title} ${tt('sheet.writeIn')} ${k + 1}`}
                    invalid={over.has(w.name.replace(/\s+/g, ''))}
                    onChange={(votes) => setWriteIn(i, w.key, { votes })}
                    testId={`sheet-writein-votes-${s.id}-${k}`}
                  />
                  <Button size="large" tabIndex={-1} onClick={() => removeWriteIn(i, w.key)} aria-label={tt('sheet.removeWriteIn')} title={tt('sheet.removeWriteIn')}>
                    ×
                  </Button>
                </div>
              ))}
              <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginTop: 12, flexWrap: 'wrap' }}>
                <Button size="large" tabIndex={-1} onClick={() => addWriteIn(i)} data-testid={`sheet-add-writein-${s.id}`}>
                  {tt('sheet.addWriteIn')}
                </Button>
                <label style={{ display: 'flex', alignItems: 'center', gap: 12, fontSize: 22, marginLeft: 'auto' }}>
                  <span>{tt('sheet.voidSections')}</span>
                  <NumberField
                    field={`void:${i}`}
                    position={i}
                    value={p.voidSections}
                    label={`${s.title} ${tt('sheet.voidSections')}`}
                    invalid={figures?.voidOver ?? false}
                    onChange={(voidSections) => setPosition(i, (q) => ({ ...q, voidSections }))}
                    testId={`sheet-void-${s.id}`}
                  />
                </label>
              </div>
            </section>
          );
        })}
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap', marginTop: 8 }}>
          <Button type="primary" size="large" loading={busy} onClick={onSubmit} style={{ fontSize: 22, height: 56, padding: '0 32px' }} data-testid="sheet-submit" {...{ 'data-sheet-submit': true }}>
            {tt('sheet.submit')}
          </Button>
          <span style={{ color: '#555', fontSize: 18 }}>{tt('sheet.keys')}</span>
        </div>
      </div>
      <div style={{ position: 'sticky', top: 16 }}>
        {aside}
        <TotalsPanel sections={sections} totals={totals} />
      </div>
    </div>
  );
}

function sectionStyle(bad: boolean): CSSProperties {
  return { border: `3px solid ${bad ? '#cf1322' : '#d9d9d9'}`, background: bad ? '#fff1f0' : '#fff', borderRadius: 12, padding: '12px 16px', marginBottom: 12 };
}

/** Beside the form: the box's ballots returned, and per position the sums and what exceeds them. */
function TotalsPanel({ sections, totals }: { readonly sections: readonly EntrySection[]; readonly totals: SheetTotals }) {
  const tt = useTallyT();
  const red = { color: '#cf1322', fontSize: 18 } as const;
  const names = new Map(sections.flatMap((s) => s.candidates.map((c) => [c.id, c.name] as const)));
  return (
    <div data-testid="sheet-totals" style={{ border: '1px solid #d9d9d9', borderRadius: 12, padding: 16, background: '#fafafa', fontSize: 20 }}>
      <Figure label={tt('sheet.returned')} value={tt('sheet.ballots', { n: totals.returned })} testId="sheet-returned" strong />
      <Figure label={tt('sheet.spoiled')} value={tt('sheet.ballots', { n: totals.spoiled })} testId="sheet-total-spoiled" />
      <Figure label={tt('sheet.valid')} value={tt('sheet.ballots', { n: totals.valid })} testId="sheet-valid" />
      {totals.spoiledOver ? <div style={red}>{tt('sheet.overSpoiled', { spoiled: totals.spoiled, returned: totals.returned })}</div> : null}
      {sections.map((s, i) => {
        const f = totals.positions[i];
        if (!f) return null;
        return (
          <div key={s.id} style={{ marginTop: 14 }} data-testid={`sheet-sum-${s.id}`}>
            <div style={{ fontWeight: 700 }}>{s.title}</div>
            <div style={{ color: f.totalOver ? '#cf1322' : undefined }}>{tt('sheet.positionSums', { total: f.total, sections: f.sections, max: f.maxVotes })}</div>
            {f.voidOver ? <div style={red}>{tt('sheet.overVoid', { n: f.voidSections, valid: totals.valid })}</div> : null}
            {f.overNames.map((v) => (
              <div key={v.mark} style={red}>
                {tt('sheet.overName', { name: names.get(v.mark) ?? v.mark, votes: v.votes, n: f.sections })}
              </div>
            ))}
            {f.totalOver ? <div style={red}>{tt('sheet.overTotal', { total: f.total, sections: f.sections, seats: s.seats })}</div> : null}
          </div>
        );
      })}
    </div>
  );
}

function Figure({ label, value, testId, strong = false }: { readonly label: string; readonly value: string; readonly testId: string; readonly strong?: boolean }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: strong ? 24 : 20, fontWeight: strong ? 700 : 400 }}>
      <span>{label}</span>
      <span data-testid={testId}>{value}</span>
    </div>
  );
}
