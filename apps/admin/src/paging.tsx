/** Server-side paging of a Relay connection: a stack of cursors, with ‹ › buttons in the table footer. */
import { useState } from 'react';
import { Button, Space } from 'antd';
import { useT } from '@huanjie/ui';

export interface CursorPages {
  /** The cursor to ask for (`after`), null on the first page. */
  readonly after: string | null;
  readonly page: number;
  readonly reset: () => void;
  readonly back: () => void;
  readonly forward: (endCursor: string | null | undefined) => void;
}

export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<readonly string[]>([]);
  return {
    after: cursors.at(-1) ?? null,
    page: cursors.length + 1,
    reset: () => setCursors([]),
    back: () => setCursors((c) => c.slice(0, -1)),
    forward: (endCursor) => {
      if (endCursor) setCursors((c) => [...c, endCursor]);
    },
  };
}

export function PagerFooter({
  pages,
  totalCount,
  pageInfo,
}: {
  readonly pages: CursorPages;
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null } | undefined;
}) {
  const t = useT();
  const more = pages.page > 1 || Boolean(pageInfo?.hasNextPage);
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
      <span data-testid="pager-total">{t('common.total', { n: totalCount })}</span>
      {more ? (
        <Space>
          <Button disabled={pages.page === 1} onClick={pages.back} aria-label={t('common.previousPage')}>
            ‹
          </Button>
          <span>{t('common.pageN', { n: pages.page })}</span>
          <Button disabled={!pageInfo?.hasNextPage} onClick={() => pages.forward(pageInfo?.endCursor)} aria-label={t('common.nextPage')}>
            ›
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}
