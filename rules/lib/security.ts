/** Shared helpers for the gateway, security, tracing and collection rules (group G). */

/**
 * Hosts that never leave the machine or the local network segment: `localhost`,
 * `*.localhost`, `*.local` (mDNS), the loopback addresses (`127.0.0.0/8`, `[::1]`) and
 * `0.0.0.0`. A port is ignored.
 */
export function isLocalHost(host: string): boolean {
  let name = host.trim().toLowerCase();
  if (name.startsWith('[')) {
    const end = name.indexOf(']');
    name = end > 0 ? name.slice(1, end) : name;
    return name === '::1' || name === '0:0:0:0:0:0:0:1';
  }
  name = name.replace(/:\d*$/, '').replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name.endsWith('.local') ||
    name === '0.0.0.0' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}
