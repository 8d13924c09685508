/**
 * npm run feed:serve -- DIR [--port 8787]
 * Serves a feed folder on http://127.0.0.1 the way a static host should: strong ETags with
 * If-None-Match → 304, Content-Length, and CORS open to any origin (the extension fetches the feed without
 * asking for host access, so the feed host must send Access-Control-Allow-Origin).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export function createFeedServer(dir: string): Server {
  const root = resolve(dir);
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(join(root, path));
    res.setHeader('access-control-allow-origin', '*');
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(file);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    const type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, etag }).end(body);
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
