/**
 * npm run feed:serve -- DIR [--port 8787]
 * Serves a feed folder on http://127.0.0.1 with the headers GitHub Pages sends (the release workflow's
 * host): strong ETags with If-None-Match → 304, Content-Length, Cache-Control: max-age=600, and CORS open to
 * any origin (the extension fetches the feed without asking for host access, so the feed host must send
 * Access-Control-Allow-Origin). Point it at the Pages site's folder and the feed is at /feed/v1/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

/** Told about every answer: the path asked for and the status given (tests read what readers fetched). */
type RequestLog = (path: string, status: number) => void;

/** Whether an If-None-Match header (a list, possibly weak, or *) matches the file's ETag. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

export function createFeedServer(dir: string, log?: RequestLog): Server {
  const root = resolve(dir);
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(join(root, path));
    const answer = (status: number, headers: Record<string, string | number> = {}, body?: Buffer): void => {
      log?.(path, status);
      res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
    };
    res.setHeader('access-control-allow-origin', '*');
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      answer(404, {}, Buffer.from('not found'));
      return;
    }
    const body = readFileSync(file);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    const cache = { etag, 'cache-control': 'max-age=600' };
    if (matches(req.headers['if-none-match'], etag)) {
      answer(304, cache);
      return;
    }
    const type = file.endsWith('.json') ? 'application/json; charset=utf-8' : 'application/octet-stream';
    answer(200, { ...cache, 'content-type': type, 'content-length': body.length }, body);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', default: '8787' } },
  });
  const dir = positionals[0];
  if (!dir) {
    console.error('usage: npm run feed:serve -- DIR [--port 8787]');
    process.exit(2);
  }
  createFeedServer(dir).listen(Number(values.port), '127.0.0.1', () => {
    console.log(`serving feed ${dir} at http://127.0.0.1:${values.port}/ (Ctrl-C to stop)`);
  });
}
