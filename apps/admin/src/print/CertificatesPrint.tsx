/**
 * C8: voter certificates (参选证) on A4, 8 per sheet (2 × 4), each with the community, serial
 * number, name, group and the QR code the check-in desk scans. Printed in batches of 12 sheets,
 * paged on the server, optionally one group at a time.
 */
import { useState } from 'react';
import { Button, Select, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { formatDate, graphql, useLang, useT, type ResultOf } from '@huanjie/ui';
import { noOutcome } from '../outcome.ts';
import { useCursorPages } from '../paging.tsx';
import { PrintFrame } from './PrintFrame.tsx';

const PER_SHEET = 8;
const BATCH = PER_SHEET * 12; // 96: within the server's page size of 100

const CertificateCommunityQuery = graphql(`
  query CertificateCommunity($code: String!) {
    community(code: $code) { id name kind groups { id name } election { id electionDay cycle { id name } } }
  }
`);

const CertificatesQuery = graphql(`
  query Certificates($electionId: ID!, $group: String, $after: String, $first: Int) {
    voters(electionId: $electionId, group: $group, after: $after, first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id serial name sex group certificateQrSvg } }
    }
  }
`);

type Certificate = ResultOf<typeof CertificatesQuery>['voters']['edges'][number]['node'];

function sheetsOf<T>(items: readonly T[], size: number): T[][] {
  const sheets: T[][] = [];
  for (let i = 0; i < items.length; i += size) sheets.push(items.slice(i, i + size));
  return sheets;
}

export function CertificatesPrint() {
  const t = useT();
  const [lang] = useLang();
  const { code = '' } = useParams();
  const [group, setGroup] = useState(''); // '' = every group
  const pages = useCursorPages();
  const [communityResult] = useQuery({ query: CertificateCommunityQuery, variables: { code } });
  const community = communityResult.data?.community;
  const election = community?.election ?? null;
  const [result] = useQuery({
    query: CertificatesQuery,
    variables: { electionId: election?.id ?? '', group: group || null, after: pages.after, first: BATCH },
    pause: !election,
  });
  const voters = result.data?.voters;
  const certificates = voters?.edges.map((e) => e.node) ?? [];
  const from = (pages.page - 1) * BATCH + 1;
  const title = community ? t('certificates.docTitle', { community: community.name }) : t('certificates.title');
  const error = communityResult.error ? noOutcome(communityResult.error, t) : result.error ? noOutcome(result.error, t) : community && !election ? t('community.noElection') : null;

  return (
    <PrintFrame
      title={title}
      back="/voters"
      loading={!voters && (communityResult.fetching || result.fetching)}
      error={error}
      toolbar={
        <>
          <Select<string>
            value={group}
            onChange={(g) => {
              setGroup(g);
              pages.reset();
            }}
            style={{ width: 160 }}
            options={[{ value: '', label: t('print.allGroups') }, ...(community?.groups ?? []).map((g) => ({ value: g.name, label: g.name }))]}
            aria-label={t('voters.group')}
          />
          {voters ? (
            <Typography.Text data-testid="certificates-range">
              {certificates.length > 0 ? t('certificates.range', { from, to: from + certificates.length - 1, total: voters.totalCount }) : t('certificates.none')}
            </Typography.Text>
          ) : null}
          <Space.Compact>
            <Button disabled={pages.page === 1} onClick={pages.back}>
              {t('certificates.previous')}
            </Button>
            <Button disabled={!voters?.pageInfo.hasNextPage} onClick={() => pages.forward(voters?.pageInfo.endCursor)}>
              {t('certificates.next')}
            </Button>
          </Space.Compact>
        </>
      }
    >
      {community && election
        ? sheetsOf(certificates, PER_SHEET).map((sheet, i) => (
            <div className="sheet" key={sheet[0]?.id ?? i}>
              <div className="cert-grid">
                {sheet.map((c) => (
                  <CertificateCard key={c.id} certificate={c} community={community.name} electionDay={formatDate(election.electionDay, lang)} cycle={election.cycle.name} />
                ))}
              </div>
            </div>
          ))
        : null}
    </PrintFrame>
  );
}

function CertificateCard({ certificate: c, community, electionDay, cycle }: { readonly certificate: Certificate; readonly community: string; readonly electionDay: string; readonly cycle: string }) {
  const t = useT();
  return (
    <div className="cert" data-testid="certificate">
      <div className="cert-body">
        <div className="cert-community">
          {community} · {cycle}
        </div>
        <div className="cert-title">{t('certificates.heading')}</div>
        <div>
          {t('voters.name')}：<span className="cert-name">{c.name}</span>
        </div>
        <div>
          {t('voters.sex')}：{t(`sex.${c.sex}`)}　{t('voters.group')}：{c.group}
        </div>
        <div>
          {t('certificates.electionDay')}：{electionDay}
        </div>
        <div className="cert-serial">
          {t('voters.serial')}：{c.serial}
        </div>
      </div>
      <div className="cert-qr">
        {/* The server renders the QR code as SVG (Voter.certificateQrSvg); it holds only the serial. */}
        <div dangerouslySetInnerHTML={{ __html: c.certificateQrSvg }} />
        <span>{t('certificates.show')}</span>
      </div>
    </div>
  );
}
