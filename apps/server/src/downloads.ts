/**
 * File downloads beside GraphQL, as a Yoga plugin so they share its session handling and tests can
 * reach them through yoga.fetch: the voter import template, and an import's per-row report.
 */
import type { Plugin } from 'graphql-yoga';
import type { Database } from '@huanjie/db';
import {
  canReadCommunity,
  communityOfElection,
  readCookie,
  resolveSession,
  SESSION_COOKIE,
  voterImportReportXlsx,
  voterTemplateXlsx,
  type Clock,
} from '@huanjie/schema';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(bytes: Uint8Array, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    },
  });
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export function downloadsPlugin(database: Database, clock: Clock): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith('/downloads/')) return;
      if (url.pathname === '/downloads/voter-import-template.xlsx') {
        endResponse(attachment(await voterTemplateXlsx(), '选民名单导入模板.xlsx'));
        return;
      }
      const report = /^\/downloads\/voter-imports\/(\d+)\/report\.xlsx$/.exec(url.pathname);
      if (!report) {
        endResponse(text(404, '未找到 / not found'));
        return;
      }
      const { actor } = await resolveSession(database.db, readCookie(request.headers.get('cookie'), SESSION_COOKIE), clock.now());
      if (!actor) {
        endResponse(text(401, '请先登录'));
        return;
      }
      const file = await voterImportReportXlsx(database.db, Number(report[1]));
      const communityId = file ? await communityOfElection(database.db, file.electionId) : null;
      if (!file || communityId === null || !canReadCommunity(actor, communityId)) {
        endResponse(text(404, '未找到该导入报告'));
        return;
      }
      endResponse(attachment(file.bytes, file.fileName));
    },
  };
}
