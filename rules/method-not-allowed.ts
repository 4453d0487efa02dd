import { defineRule } from '../src/engine/rule';
import { is2xxStatus } from '../src/engine/status-ranges';
import { notImplementedAnywhere } from './lib/live';

/**
 * Live only. A method a path does not support is answered 405 Method Not Allowed with an
 * `Allow` header listing the methods it does support (RFC 9110 §15.5.6), and that list does
 * not name the method just refused. A 404 or 403 is reported capped at warn, since a gateway
 * in front of the API may answer so; a 2xx (the method did something) or a 5xx is reported
 * at the configured severity. Other answers (400, 401, a redirect) are not judged, nor a 501
 * to a method the document uses nowhere (TRACE, say: a server may implement it for no
 * resource at all, RFC 9110 §15.6.2; notImplementedAnywhere). A HEAD the
 * prober sent (of a documented GET) that is answered 405 needs an `Allow` header too.
 */
export default defineRule({
  meta: {
    id: 'method-not-allowed',
    group: 'methods',
    severity: 'warn',
    description: 'A method the path does not support is answered 405 with an Allow header.',
    sources: ['RFC 9110 §15.5.6'],
    fix: 'no',
    messages: {
      noAllow: '{{request}} answered 405 without an Allow header; list the methods the path supports in Allow',
      allowsSent: '{{request}} answered 405, but its Allow header ({{allow}}) lists {{method}}; list only the methods the path supports',
      gateway: '{{request}} answered {{status}} to a method the path does not support; answer 405 Method Not Allowed with an Allow header (a gateway in front of the API may answer {{status}} itself: configure it to pass 405 through)',
      success: '{{request}} answered {{status}} to a method the path does not document; answer 405 Method Not Allowed with an Allow header (or document the method)',
      serverError: '{{request}} answered {{status}} to a method the path does not support; answer 405 Method Not Allowed with an Allow header',
    },
  },
  probe: { needs: ['wrong-method'], uses: ['head'] },
  live(context) {
    return {
      exchange(ex) {
        const { request, response } = ex;
        if (!response) return;
        const { status } = response;
        if (request.purpose === 'head') {
          if (status === 405 && response.headers.allow === undefined) context.report({ messageId: 'noAllow', apiWide: true, exchange: ex, detail: '(no Allow header)' });
          return;
        }
        if (request.purpose !== 'wrong-method') return;
        if (status === 405) {
          const allow = response.headers.allow;
          if (allow === undefined) {
            // What the server does on every path (a framework's default) is said once, for the API.
            context.report({ messageId: 'noAllow', apiWide: true, exchange: ex, detail: '(no Allow header)' });
            return;
          }
          const methods = allow.split(',').map((method) => method.trim().toUpperCase());
          if (methods.includes(request.method.toUpperCase())) {
            context.report({ messageId: 'allowsSent', data: { allow, method: request.method }, exchange: ex, detail: `allow: ${allow}` });
          }
          return;
        }
        if (status === 404 || status === 403) context.report({ messageId: 'gateway', apiWide: true, exchange: ex, severity: 'warn' });
        else if (is2xxStatus(status)) context.report({ messageId: 'success', exchange: ex });
        else if (status >= 500 && !notImplementedAnywhere(ex, context.api)) context.report({ messageId: 'serverError', exchange: ex });
      },
    };
  },
});
