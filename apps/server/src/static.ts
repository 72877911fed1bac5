/** Serves the built admin console at / and the tally app at /tally, with SPA fallback to index.html. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const adminDist = path.resolve(here, '../../admin/dist');
export const tallyDist = path.resolve(here, '../../tally/dist');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  const [root, rest] = pathname === '/tally' || pathname.startsWith('/tally/')
    ? [tallyDist, pathname.slice('/tally'.length) || '/']
    : [adminDist, pathname];
  if (!existsSync(root)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('界面尚未构建：请运行 pnpm build（npm start 会自动构建）。\nThe apps are not built yet: run pnpm build.');
    return true;
  }
  let file = path.resolve(root, `.${decodeURIComponent(rest)}`);
  if (!file.startsWith(root)) return false;
  const isAsset = rest.startsWith('/assets/');
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (isAsset) return false;
    file = path.join(root, 'index.html');
  }
  res.writeHead(200, {
    'content-type': types[path.extname(file)] ?? 'application/octet-stream',
    // Built assets carry a content hash in their name; index.html must always be fresh.
    'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
