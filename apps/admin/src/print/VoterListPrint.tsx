/**
 * C5, C7: the public voter list as it is posted (张榜公布) — the latest published version, group by
 * group, name and sex only (never an ID number), then the supplements since, with their reasons.
 */
import { useState } from 'react';
import { Select } from 'antd';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { formatDate, graphql, useLang, useT, type ResultOf } from '@huanjie/ui';
import { noOutcome } from '../outcome.ts';
import { PrintFrame } from './PrintFrame.tsx';

const PrintVoterListQuery = graphql(`
  query PrintVoterList($code: String!) {
    community(code: $code) {
      id name kind
      groups { id name number }
      election {
        id
        voterList { latest { version publishedOn sha256 voterCount entries { serial name sex group } } }
      }
    }
  }
`);

const PrintSupplementsQuery = graphql(`
  query PrintVoterListSupplements($electionId: ID!) {
    voterListSupplements(electionId: $electionId) { kind reason at voter { serial name sex group } }
  }
`);

type Entry = NonNullable<NonNullable<NonNullable<ResultOf<typeof PrintVoterListQuery>['community']>['election']>['voterList']['latest']>['entries'][number];

/**
 * Entries by group, in the order of the community's group numbers (一组, 二组, 三组 — the server's
 * text order would put 三组 before 二组); groups the community does not list come last.
 */
function byGroup(entries: readonly Entry[], order: readonly { readonly name: string; readonly number: number }[]): [string, Entry[]][] {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = groups.get(e.group);
    if (list) list.push(e);
    else groups.set(e.group, [e]);
  }
  const rank = (name: string) => order.find((g) => g.name === name)?.number ?? Number.MAX_SAFE_INTEGER;
  return [...groups].sort(([a], [b]) => rank(a) - rank(b));
}

export function VoterListPrint() {
  const t = useT();
  const [lang] = useLang();
  const { code = '' } = useParams();
  const [group, setGroup] = useState<string | null>(null); // null = every group
  const [result] = useQuery({ query: PrintVoterListQuery, variables: { code } });
  const community = result.data?.community;
  const electionId = community?.election?.id ?? '';
  const [supplementsResult] = useQuery({ query: PrintSupplementsQuery, variables: { electionId }, pause: !electionId });
  const latest = community?.election?.voterList.latest ?? null;
  const groups = latest && community ? byGroup(latest.entries, community.groups) : [];
  const shown = group === null ? groups : groups.filter(([g]) => g === group);
  const supplements = (supplementsResult.data?.voterListSupplements ?? []).filter((s) => group === null || s.voter.group === group);
  const committee = community ? t(`electionCommittee.${community.kind}`) : '';
  const title = community ? t('printList.title', { community: community.name }) : t('printList.titleShort');

  const error = result.error ? noOutcome(result.error, t) : community && !latest ? t('printList.notPublished') : null;
  return (
    <PrintFrame
      title={title}
      back="/voters?view=publication"
      loading={!result.data && result.fetching}
      error={error}
      toolbar={
        groups.length > 1 ? (
          <Select<number>
            value={group === null ? -1 : groups.findIndex(([g]) => g === group)}
            onChange={(i) => setGroup(groups[i]?.[0] ?? null)}
            style={{ width: 180 }}
            options={[{ value: -1, label: t('print.allGroups') }, ...groups.map(([g], i) => ({ value: i, label: g || t('print.noGroup') }))]}
            aria-label={t('voters.group')}
          />
        ) : null
      }
    >
      {community && latest ? (
        <div className="sheet" data-testid="public-voter-list">
          <h1 className="doc-title">{title}</h1>
          <p className="doc-text">
            {t('printList.intro', { community: community.name, n: group === null ? latest.voterCount : shown.reduce((n, [, es]) => n + es.length, 0), committee })}
          </p>
          {shown.map(([g, entries]) => (
            <section key={g} className="roll-group">
              <h2>
                {g || t('print.noGroup')}
                <span style={{ fontWeight: 400, fontSize: '10pt', marginLeft: '3mm' }}>{t('printList.groupCount', { n: entries.length })}</span>
              </h2>
              <div className="roll-grid">
                {entries.map((e, i) => (
                  <span key={e.serial} data-testid="public-voter">
                    {i + 1}. {e.name}（{t(`sex.${e.sex}`)}）
                  </span>
                ))}
              </div>
            </section>
          ))}
          {supplements.length > 0 ? (
            <section style={{ marginTop: '6mm' }}>
              <h2 style={{ fontSize: '13pt', margin: '0 0 2mm' }}>{t('printList.supplements')}</h2>
              <table className="doc-table">
                <thead>
                  <tr>
                    <th>{t('publication.kind')}</th>
                    <th>{t('voters.name')}</th>
                    <th>{t('voters.sex')}</th>
                    <th>{t('voters.group')}</th>
                    <th>{t('publication.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {supplements.map((s) => (
                    <tr key={`${s.voter.serial}-${s.kind}-${s.at}`}>
                      <td>{t(`supplement.${s.kind}`)}</td>
                      <td>{s.voter.name}</td>
                      <td>{t(`sex.${s.voter.sex}`)}</td>
                      <td>{s.voter.group}</td>
                      <td style={{ textAlign: 'left' }}>{s.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          <div className="doc-sign">
            {community.name}
            {committee}
            <br />
            {formatDate(latest.publishedOn, lang)}
          </div>
          <p className="doc-small" style={{ marginTop: '6mm' }}>
            {t('printList.digest', { version: latest.version, sha: latest.sha256 })}
          </p>
        </div>
      ) : null}
    </PrintFrame>
  );
}
