/** The key scheme, always on screen so that a new clerk learns it in a minute. */
import { useTallyT, type TallyKey } from '../messages.ts';

const KEYS: readonly [string, TallyKey][] = [
  ['1–9 Q–P', 'entry.key.mark'],
  ['→ Tab *', 'entry.key.next'],
  ['← ⇧Tab /', 'entry.key.prev'],
  ['+', 'entry.key.writeIn'],
  ['⌫ -', 'entry.key.undo'],
  ['0', 'entry.key.blank'],
  ['.', 'entry.key.spoiled'],
  ['Esc', 'entry.key.clear'],
  ['Enter', 'entry.key.commit'],
];

export function KeyHelp() {
  const tt = useTallyT();
  return (
    <div data-testid="key-help" style={{ display: 'grid', gridTemplateColumns: 'repeat(4, auto)', gap: '4px 16px', fontSize: 16, color: '#444', marginTop: 12 }}>
      <div style={{ gridColumn: '1 / -1', fontWeight: 600 }}>{tt('entry.keysTitle')}</div>
      {KEYS.map(([keys, label]) => (
        <div key={label}>
          <kbd style={{ border: '1px solid #999', borderRadius: 4, padding: '0 6px', background: '#fafafa', fontSize: 15 }}>{keys}</kbd> {tt(label)}
        </div>
      ))}
    </div>
  );
}
