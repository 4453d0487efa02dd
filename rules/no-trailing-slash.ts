import { defineRule } from '../src/engine/rule';

/**
 * `/users/`: a path ends with its last segment, not with `/`. The root path `/` is a path,
 * not a trailing slash. A server URL's base path (`https://api.example.com/v1/`) is checked
 * too, since paths are appended to it as written; a bare host with a slash
 * (`https://api.example.com/`) is not, because `https://host/` and `https://host` are the
 * same URL (RFC 3986 §6.2.3).
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
});
