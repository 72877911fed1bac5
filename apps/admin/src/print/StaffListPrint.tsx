/** B3, E6: the counting staff list to post: role, name, group and polling place. */
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql, useT } from '@huanjie/ui';
import { noOutcome } from '../outcome.ts';
import { PrintFrame } from './PrintFrame.tsx';

const StaffListQuery = graphql(`
  query PrintStaff($code: String!) {
    community(code: $code) {
      id name kind
      election { id staff { role voter { id name sex group } place { id name boxNumber } } }
    }
  }
`);

export function StaffListPrint() {
  const t = useT();
  const { code = '' } = useParams();
  const [result] = useQuery({ query: StaffListQuery, variables: { code }, requestPolicy: 'network-only' });
  const community = result.data?.community;
  const staff = community?.election?.staff ?? [];
  const title = community ? t('printStaff.title', { community: community.name }) : t('staff.title');
  const error = result.error ? noOutcome(result.error, t) : community && !community.election ? t('community.noElection') : null;

  return (
    <PrintFrame title={title} back="/polling" loading={!result.data && result.fetching} error={error}>
      {community ? (
        <div className="sheet" data-testid="staff-list">
          <h1 className="doc-title">{title}</h1>
          <table className="doc-table">
            <thead>
              <tr>
                <th>{t('print.no')}</th>
                <th>{t('staff.role')}</th>
                <th>{t('voters.name')}</th>
                <th>{t('voters.sex')}</th>
                <th>{t('voters.group')}</th>
                <th>{t('staff.place')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s, i) => (
                <tr key={`${s.voter.id}-${s.role}-${s.place?.id ?? ''}`}>
                  <td>{i + 1}</td>
                  <td>{t(`staffRole.${s.role}`)}</td>
                  <td>{s.voter.name}</td>
                  <td>{t(`sex.${s.voter.sex}`)}</td>
                  <td>{s.voter.group}</td>
                  <td>{s.place ? `${s.place.boxNumber} ${s.place.name}` : t('staff.allPlaces')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="doc-sign">
            {community.name}
            {t(`electionCommittee.${community.kind}`)}
          </div>
        </div>
      ) : null}
    </PrintFrame>
  );
}
