// `npm run playground`: builds the playground and serves it on http://127.0.0.1:8080/ (or the
// port in PORT, or --port N; 0 picks a free one). A small static server: files of
// playground/dist/ only, on the loopback interface only.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPlayground } from './build-playground.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8' };

/**
 * Serves `directory` on 127.0.0.1:`port` (0: a free port); resolves to the server once it listens.
 *
 * @example
 * ```js
 * const server = await servePlayground(await buildPlayground(), 0);
 * server.address().port;
 * ```
 */
export function servePlayground(directory, port) {
  const server = createServer((request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      // A malformed escape (`GET /%`): the request is bad, the server goes on.
      response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request\n');
      return;
    }
    const file = normalize(join(directory, path.endsWith('/') ? `${path}index.html` : path));
    if (request.method !== 'GET' || !file.startsWith(directory.endsWith(sep) ? directory : directory + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > -1 ? process.argv[flag + 1] : (process.env.PORT ?? 8080));
  const server = await servePlayground(await buildPlayground(), port);
  console.log(`Playground: http://127.0.0.1:${server.address().port}/ (Ctrl+C to stop)`);
}
