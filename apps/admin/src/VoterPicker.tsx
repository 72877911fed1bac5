/**
 * Pick one registered voter of an election, searched on the server as the user types (name, pinyin
 * initials such as "zs", or the last digits of the ID number). Works as an antd form control: its
 * value is the voter's id. Type, then Enter picks the highlighted voter.
 */
import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from 'urql';
import { graphql, useT, type ResultOf } from '@huanjie/ui';

const VoterSearchQuery = graphql(`
  query VoterSearch($electionId: ID!, $search: String) {
    voters(electionId: $electionId, search: $search, first: 20) {
      edges { node { id name sex age group residentId } }
    }
  }
`);

export type PickedVoter = ResultOf<typeof VoterSearchQuery>['voters']['edges'][number]['node'];

/** What the picker shows for a voter: enough to tell two 张伟 apart, never a full ID number. */
function voterLabel(v: PickedVoter, t: (key: 'sex.MALE' | 'sex.FEMALE') => string): string {
  return [v.name, t(`sex.${v.sex}`), v.group, `…${v.residentId.slice(-4)}`].filter(Boolean).join(' · ');
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function VoterPicker({
  electionId,
  value,
  onChange,
  onPick,
  placeholder,
  testId,
  autoFocus,
  exclude,
}: {
  readonly electionId: string;
  readonly value?: string | null;
  readonly onChange?: (id: string | null) => void;
  /** Told the whole voter when one is picked. */
  readonly onPick?: (voter: PickedVoter) => void;
  readonly placeholder?: string;
  readonly testId?: string;
  readonly autoFocus?: boolean;
  /** Voters already chosen elsewhere in the form. */
  readonly exclude?: readonly string[];
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 200);
  const [result] = useQuery({ query: VoterSearchQuery, variables: { electionId, search: query || null } });
  // Voters seen so far, so that the chosen one keeps its label when the search moves on.
  const known = useRef(new Map<string, PickedVoter>());
  const found = result.data?.voters.edges.map((e) => e.node) ?? [];
  for (const v of found) known.current.set(v.id, v);
  const chosen = value ? known.current.get(value) : undefined;
  const shown = [...(chosen && !found.some((v) => v.id === chosen.id) ? [chosen] : []), ...found].filter((v) => v.id === value || !exclude?.includes(v.id));

  return (
    <Select<string>
      data-testid={testId}
      value={value ?? null}
      placeholder={placeholder ?? t('voterPicker.placeholder')}
      autoFocus={autoFocus}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={result.fetching}
      notFoundContent={result.fetching ? t('common.loading') : t('voterPicker.none')}
      options={shown.map((v) => ({ value: v.id, label: voterLabel(v, t), title: v.name }))}
      onChange={(id) => {
        setSearch('');
        onChange?.(id ?? null);
        const voter = id ? known.current.get(id) : undefined;
        if (voter) onPick?.(voter);
      }}
      style={{ width: '100%' }}
    />
  );
}
