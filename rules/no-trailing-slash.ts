import { defineRule } from '../src/engine/rule';
import { requestPath } from '../src/engine/model/path';

/**
 * `/users/`: a path ends with its last segment, not with `/`. The root path `/` is a path,
 * not a trailing slash. A server URL's base path (`https://api.example.com/v1/`) is checked
 * too, since paths are appended to it as written; a bare host with a slash
 * (`https://api.example.com/`) is not, because `https://host/` and `https://host` are the
 * same URL (RFC 3986 §6.2.3).
 *
 * Live: a documented GET sent again with a trailing `/` must get the same answer (same status,
 * and for a 2xx the same media type), a redirect to the path without the slash, or 404/410.
 * A 5xx or another answer is reported at the rule's severity; another 4xx (a clear refusal) at warn.
 */
export default defineRule({
  meta: {
    id: 'no-trailing-slash',
    group: 'naming',
    severity: 'error',
    description: 'Paths do not end with "/".',
    sources: ['Z#136'],
    fix: 'yes',
    messages: {
      path: '"{{path}}" ends with "/"; remove it: "{{fixed}}"',
      server: 'server URL "{{url}}" ends with "/", so every path is appended after a "//"; remove it: "{{fixed}}"',
      liveDifferent:
        '{{request}} (with a trailing "/") answered {{found}}, while "{{path}}" answered {{expected}}; a trailing "/" must not change the answer: answer the same, redirect to "{{path}}" or answer 404',
      liveServerError: '{{request}} (with a trailing "/") answered {{status}}; answer as "{{path}}" does, redirect to it, or answer 404',
      liveRejected: '{{request}} (with a trailing "/") answered {{status}}, while "{{path}}" answered {{expected}}; answer as "{{path}}" does, redirect to it, or answer 404',
      liveRedirect: '{{request}} (with a trailing "/") answered {{status}} {{where}}; redirect to "{{path}}", the path without the slash',
    },
  },
  create(context) {
    return {
      PathItem(item) {
        const { path } = item;
        if (path.length < 2 || !path.endsWith('/')) return;
        const fixed = path.replace(/\/+$/, '') || '/';
        context.report({
          messageId: 'path',
          data: { path, fixed },
          at: item.loc,
          part: 'key',
          within: { text: path, start: path.length - 1, end: path.length },
          fix: [{ at: item.loc, part: 'key', within: { text: path, start: fixed === '/' ? 1 : fixed.length, end: path.length }, newText: '' }],
        });
      },
      Server(server) {
        const { url, basePath } = server;
        if (basePath.length < 2 || !basePath.endsWith('/') || !url.endsWith('/')) return;
        const fixed = url.replace(/\/+$/, '');
        context.report({
          messageId: 'server',
          data: { url, fixed },
          at: server.loc,
          within: { text: url, start: url.length - 1, end: url.length },
          fix: [{ at: server.loc, within: { text: url, start: fixed.length, end: url.length }, newText: '' }],
        });
      },
    };
  },
  probe: { needs: ['trailing-slash'] },
  live(context) {
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        const basis = request.basis?.response;
        if (request.purpose !== 'trailing-slash' || !response || !basis || !request.basis) return;
        const { status } = response;
        if (status === 404 || status === 410 || status < 200) return;
        const path = requestPath(request.basis.request.path);
        const answer = (of: typeof response) => `${of.status}${of.mediaType ? ` ${of.mediaType}` : ''}`;
        if (status >= 300 && status < 400) {
          const location = response.headers.location;
          const target = location === undefined ? undefined : requestPath(location.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')) || '/';
          if (target === path) return;
          const where = location === undefined ? 'without a Location header' : `to "${location}"`;
          context.report({ messageId: 'liveRedirect', data: { path, where }, exchange, detail: location === undefined ? 'no Location header' : `location: ${location}` });
          return;
        }
        if (status >= 500) {
          context.report({ messageId: 'liveServerError', data: { path }, exchange });
          return;
        }
        if (status === basis.status && (status >= 300 || response.mediaType === basis.mediaType)) return;
        if (status >= 400) {
          context.report({ messageId: 'liveRejected', data: { path, expected: answer(basis) }, exchange, severity: 'warn' });
          return;
        }
        context.report({ messageId: 'liveDifferent', data: { path, found: answer(response), expected: answer(basis) }, exchange });
      },
    };
  },
});
