/**
 * 另选他人: a name typed as it is read out, completed from the voter list (name, pinyin initials
 * "zs"); ↑↓ choose, Enter adds, Esc cancels. Offline the completion is gone: a name typed in
 * Chinese characters is still accepted as read.
 */
import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { useQuery } from 'urql';
import { graphql } from '@huanjie/ui';
import { useTallyT } from '../messages.ts';

const WriteInVotersQuery = graphql(`
  query WriteInVoters($electionId: ID!, $search: String) {
    voters(electionId: $electionId, search: $search, first: 8) { edges { node { id name group } } }
  }
`);

const MAX_WRITE_IN = 30; // the server's limit for a written-in name

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function WriteIn({ electionId, onAdd, onCancel }: { readonly electionId: string; readonly onAdd: (name: string) => void; readonly onCancel: () => void }) {
  const tt = useTallyT();
  const [text, setText] = useState('');
  // Pinyin initials pick the first suggestion by default; a name typed in characters stands as typed
  // unless the clerk chooses a suggestion with ↓.
  const [chosen, setChosen] = useState(-1);
  const [hint, setHint] = useState<string | null>(null);
  const search = useDebounced(text.trim(), 120);
  const [result] = useQuery({ query: WriteInVotersQuery, variables: { electionId, search }, pause: search === '' });
  const suggestions = search === '' ? [] : (result.data?.voters.edges.map((e) => e.node) ?? []);
  // Names, not people: the ballot carries the name as read; homonyms are listed once.
  const names = [...new Set(suggestions.map((s) => s.name))];
  const typed = text.trim();
  const latin = /^[\x20-\x7e]+$/.test(typed);
  const selected = chosen >= 0 ? chosen : latin && search === typed ? 0 : -1;
  const add = () => {
    const name = names[selected] ?? typed;
    if (!name) return onCancel();
    if (/^[\x20-\x7e]+$/.test(name)) {
      setHint(tt('entry.writeInLatin')); // pinyin initials with no suggestion to resolve them
      return;
    }
    onAdd(name.slice(0, MAX_WRITE_IN));
  };
  return (
    <div style={{ marginTop: 8 }} onClick={(e) => e.stopPropagation()}>
      <Input
        autoFocus
        size="large"
        value={text}
        placeholder={tt('entry.writeInPlaceholder')}
        aria-label={tt('entry.writeIn')}
        style={{ fontSize: 24 }}
        onChange={(e) => {
          setText(e.target.value);
          setChosen(-1);
          setHint(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setChosen(Math.min(selected + 1, names.length - 1));
          else if (e.key === 'ArrowUp') setChosen(Math.max(-1, selected - 1));
          else if (e.key === 'Enter') add();
          else if (e.key === 'Escape') onCancel();
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
        data-testid="writein-input"
      />
      {names.length > 0 ? (
        <div role="listbox" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 6 }}>
          {names.map((name, i) => (
            <button
              key={name}
              type="button"
              role="option"
              aria-selected={i === selected}
              onClick={() => onAdd(name)}
              style={{ fontSize: 22, padding: '4px 12px', borderRadius: 6, border: `2px solid ${i === selected ? '#1677ff' : '#d9d9d9'}`, background: i === selected ? '#e6f4ff' : '#fff' }}
            >
              {name}
            </button>
          ))}
        </div>
      ) : null}
      {hint ? <div style={{ color: '#cf1322', fontSize: 18, marginTop: 4 }}>{hint}</div> : null}
    </div>
  );
}
