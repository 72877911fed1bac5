/** One section of the ballot being entered: its candidates with their keys, the write-ins, and F4's warning. */
import type { ReactNode } from 'react';
import { Alert, Tag } from 'antd';
import { useTallyT } from '../messages.ts';
import type { EntrySection } from './draft.ts';

export function SectionCard({
  section,
  index,
  active,
  marks,
  overmarked,
  dimmed,
  onToggle,
  onFocus,
  onRemove,
  writeIn,
}: {
  readonly section: EntrySection;
  readonly index: number;
  readonly active: boolean;
  readonly marks: readonly string[];
  readonly overmarked: boolean;
  /** Blank or spoiled: the marks do not apply. */
  readonly dimmed: boolean;
  readonly onToggle: (key: string) => void;
  readonly onFocus: () => void;
  readonly onRemove: (mark: string) => void;
  /** The write-in box, when open on this section. */
  readonly writeIn: ReactNode;
}) {
  const tt = useTallyT();
  const known = new Set(section.candidates.map((c) => c.id));
  const writeIns = marks.filter((m) => !known.has(m));
  return (
    <section
      data-testid={`section-${section.id}`}
      data-active={active}
      onClick={onFocus}
      style={{
        border: `4px solid ${overmarked ? '#cf1322' : active ? '#1677ff' : '#d9d9d9'}`,
        borderRadius: 12,
        padding: '12px 16px',
        background: overmarked ? '#fff1f0' : active ? '#f0f7ff' : '#fff',
        opacity: dimmed ? 0.35 : 1,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, marginBottom: 8 }}>
        <span style={{ fontSize: 30, fontWeight: 700 }}>
          {index + 1}. {section.title}
        </span>
        <span style={{ fontSize: 20, color: '#555' }}>{tt('entry.seats', { n: section.seats })}</span>
        <span style={{ marginLeft: 'auto', fontSize: 22, fontWeight: 600 }} data-testid={`marked-${section.id}`}>
          {marks.length} / {section.seats}
        </span>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 8 }}>
        {section.candidates.map((c) => {
          const on = marks.includes(c.id);
          return (
            <button
              key={c.id}
              type="button"
              tabIndex={-1}
              // Never take the focus: a focused button would answer Space on its own.
              onMouseDown={(e) => e.preventDefault()}
              onClick={(e) => {
                e.stopPropagation();
                onFocus();
                onToggle(c.key);
              }}
              data-testid={`cand-${section.id}-${c.key}`}
              aria-pressed={on}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 12,
                padding: '8px 12px',
                fontSize: 28,
                borderRadius: 8,
                cursor: 'pointer',
                border: `2px solid ${on ? '#389e0d' : '#d9d9d9'}`,
                background: on ? '#d9f7be' : '#fafafa',
                fontWeight: on ? 700 : 400,
              }}
            >
              <kbd style={{ minWidth: 40, fontSize: 22, padding: '2px 8px', border: '1px solid #888', borderRadius: 6, background: '#fff' }}>{c.key.toUpperCase()}</kbd>
              <span>{c.name}</span>
              <span style={{ marginLeft: 'auto', fontSize: 30, color: '#389e0d' }}>{on ? '○' : ''}</span>
            </button>
          );
        })}
      </div>
      {writeIns.length > 0 ? (
        <div style={{ marginTop: 8, fontSize: 22 }}>
          {tt('entry.writeIn')}：
          {writeIns.map((name) => (
            <Tag key={name} closable onClose={() => onRemove(name)} style={{ fontSize: 22, padding: '4px 10px' }} data-testid={`writein-${section.id}`}>
              {name}
            </Tag>
          ))}
        </div>
      ) : null}
      {writeIn}
      {overmarked ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8, fontSize: 20 }}
          title={tt('entry.overmarked', { n: new Set(marks).size, seats: section.seats, title: section.title })}
          data-testid={`overmarked-${section.id}`}
        />
      ) : null}
    </section>
  );
}
