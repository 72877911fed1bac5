/** Mirrors the server's scopes (packages/schema/src/access/scopes.ts) to hide what would be refused; the server decides. */
import type { Me } from '@huanjie/ui';

export function canManageCommunity(me: Me, communityId: string): boolean {
  switch (me.role) {
    case 'TOWNSHIP_ADMIN':
      return true;
    case 'COMMUNITY_COMMITTEE':
      return me.communities.some((c) => c.id === communityId);
    case 'CLERK':
    case 'OBSERVER':
      return false;
  }
}

export const isTownshipAdmin = (me: Me): boolean => me.role === 'TOWNSHIP_ADMIN';
