/**
 * The cap on a request's body (uploads are the only big ones; imports take files up to 50 MB).
 * A declared Content-Length is checked before anything is read — Node's parser then never reads
 * more than it declares — so only a chunked body without one is counted as it streams. Yoga's own
 * limit (off in yoga.ts) pipes every body through a counting stream, a tenth of the server's time
 * when a hall of clerks is entering ballots.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Uploads larger than this are refused (imports cap files at 50 MB). */
export const MAX_REQUEST_BYTES = 60 * 1024 * 1024;

const message = (limit: number) => `上传的文件过大（超过 ${Math.round(limit / 1024 / 1024)} MB），请拆分后分批导入`;

export function requestSizePlugin(limit: number = MAX_REQUEST_BYTES): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/graphql') return;
      if (Number(request.headers.get('content-length') ?? 0) > limit) {
        endResponse(Response.json({ errors: [{ message: message(limit), extensions: { code: 'FILE_TOO_LARGE' } }] }, { status: 413 }));
      }
    },
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const body = request.body;
      if (!requestParser || !body || request.headers.has('content-length')) return;
      let bytes = 0;
      const counted = body.pipeThrough(
        new fetchAPI.TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            bytes += chunk.byteLength;
            if (bytes > limit) controller.error(createGraphQLError(message(limit), { extensions: { code: 'FILE_TOO_LARGE', http: { status: 413 } } }));
            else controller.enqueue(chunk);
          },
        }),
      );
      const capped = new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: counted, duplex: 'half' } as RequestInit);
      setRequestParser((req) => requestParser(req === request ? capped : req));
    },
  };
}
