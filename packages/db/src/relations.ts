import { defineRelations } from 'drizzle-orm';
import * as tables from './tables.ts';

export const relations = defineRelations(tables, (r) => ({
  township: {
    communities: r.many.community({ from: r.township.id, to: r.community.townshipId }),
    cycles: r.many.cycle({ from: r.township.id, to: r.cycle.townshipId }),
  },
  community: {
    township: r.one.township({ from: r.community.townshipId, to: r.township.id, optional: false }),
    groups: r.many.communityGroup({ from: r.community.id, to: r.communityGroup.communityId }),
    elections: r.many.election({ from: r.community.id, to: r.election.communityId }),
  },
  communityGroup: {
    community: r.one.community({ from: r.communityGroup.communityId, to: r.community.id, optional: false }),
  },
  cycle: {
    elections: r.many.election({ from: r.cycle.id, to: r.election.cycleId }),
  },
  election: {
    cycle: r.one.cycle({ from: r.election.cycleId, to: r.cycle.id, optional: false }),
    community: r.one.community({ from: r.election.communityId, to: r.community.id, optional: false }),
    steps: r.many.checklistStep({ from: r.election.id, to: r.checklistStep.electionId }),
  },
  checklistStep: {
    election: r.one.election({ from: r.checklistStep.electionId, to: r.election.id, optional: false }),
  },
  voter: {
    election: r.one.election({ from: r.voter.electionId, to: r.election.id, optional: false }),
    community: r.one.community({ from: r.voter.communityId, to: r.community.id, optional: false }),
  },
  voterDuplicate: {
    existing: r.one.voter({ from: r.voterDuplicate.existingVoterId, to: r.voter.id }),
    election: r.one.election({ from: r.voterDuplicate.electionId, to: r.election.id, optional: false }),
  },
  electionCommitteePerson: {
    voter: r.one.voter({ from: r.electionCommitteePerson.voterId, to: r.voter.id, optional: false }),
  },
  candidate: {
    voter: r.one.voter({ from: r.candidate.voterId, to: r.voter.id, optional: false }),
    election: r.one.election({ from: r.candidate.electionId, to: r.election.id, optional: false }),
  },
  kinship: {
    voter: r.one.voter({ from: r.kinship.voterId, to: r.voter.id, optional: false, alias: 'kinPerson' }),
    relative: r.one.voter({ from: r.kinship.relativeId, to: r.voter.id, optional: false, alias: 'kinRelative' }),
  },
  staff: {
    voter: r.one.voter({ from: r.staff.voterId, to: r.voter.id, optional: false }),
    place: r.one.pollingPlace({ from: r.staff.placeId, to: r.pollingPlace.id }),
  },
  countRound: {
    election: r.one.election({ from: r.countRound.electionId, to: r.election.id, optional: false }),
    boxes: r.many.boxCount({ from: r.countRound.id, to: r.boxCount.roundId }),
  },
  boxCount: {
    round: r.one.countRound({ from: r.boxCount.roundId, to: r.countRound.id, optional: false }),
    place: r.one.pollingPlace({ from: r.boxCount.placeId, to: r.pollingPlace.id, optional: false }),
  },
  ballot: {
    box: r.one.boxCount({ from: r.ballot.boxId, to: r.boxCount.id, optional: false }),
    voided: r.one.ballotVoid({ from: r.ballot.id, to: r.ballotVoid.ballotId }),
  },
  ballotIssue: {
    voter: r.one.voter({ from: r.ballotIssue.voterId, to: r.voter.id, optional: false }),
    place: r.one.pollingPlace({ from: r.ballotIssue.placeId, to: r.pollingPlace.id, optional: false }),
    proxyHolder: r.one.voter({ from: r.ballotIssue.proxyHolderId, to: r.voter.id, alias: 'proxyHolder' }),
  },
  proxy: {
    principal: r.one.voter({ from: r.proxy.principalId, to: r.voter.id, optional: false, alias: 'principal' }),
    holder: r.one.voter({ from: r.proxy.holderId, to: r.voter.id, optional: false, alias: 'holder' }),
  },
  voterListVersion: {
    election: r.one.election({ from: r.voterListVersion.electionId, to: r.election.id, optional: false }),
    publisher: r.one.account({ from: r.voterListVersion.publishedBy, to: r.account.id }),
  },
  voterListChange: {
    voter: r.one.voter({ from: r.voterListChange.voterId, to: r.voter.id, optional: false }),
  },
  voterObjection: {
    voter: r.one.voter({ from: r.voterObjection.voterId, to: r.voter.id }),
    election: r.one.election({ from: r.voterObjection.electionId, to: r.election.id, optional: false }),
  },
  account: {
    communities: r.many.community({
      from: r.account.id.through(r.accountCommunity.accountId),
      to: r.community.id.through(r.accountCommunity.communityId),
    }),
  },
}));
