/** Shared helpers for the gateway, security, tracing and collection rules (group G). */
import type { NodeLocation } from '../../src/engine/model/location';
import { isObject } from '../../src/engine/model/json';

/** The raw value at a JSON pointer inside the file a location belongs to (no `$ref` is followed). */
export function valueAt(loc: NodeLocation, pointer: readonly string[] = loc.pointer): unknown {
  let value: unknown = loc.file.data;
  for (const segment of pointer) {
    if (Array.isArray(value)) value = value[Number(segment)];
    else if (isObject(value)) value = value[segment];
    else return undefined;
  }
  return value;
}

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
