/**
 * Where a webhook may post. A subscriber names any URL, so without care the
 * relay would request addresses inside its own network for them (SSRF):
 * cloud metadata at 169.254.169.254, an admin port on loopback, a database
 * on 10.x. So targets must be `https:` and resolve to public addresses only;
 * the address is checked at connection time, on the very address connected
 * to, so a name that resolves differently later (DNS rebinding) cannot slip
 * through. The development flag (`--webhooks-allow-local`) admits `http:` to
 * loopback and private addresses, for a receiver on the developer's machine.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/** Why `url` cannot be a webhook's target, or null when it can. */
export function targetProblem(url: string, allowLocal: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.username !== '' || parsed.password !== '') return 'a URL must not hold credentials';
  if (parsed.protocol === 'http:') {
    if (!allowLocal) return 'only https: URLs are accepted';
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    if (host !== 'localhost' && !isLoopback(host)) {
      return 'http: is accepted only for localhost and 127.0.0.1 (development)';
    }
    return null;
  }
  if (parsed.protocol !== 'https:') return 'only https: URLs are accepted';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowLocal && (host === 'localhost' || (isIP(host) !== 0 && isPrivateAddress(host)))) {
    return 'the URL names a private or local address';
  }
  return null;
}

function isLoopback(ip: string): boolean {
  return /^127\./.test(ip) || ip === '::1';
}

function v4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** IPv4 ranges that are not the public internet: [first address, prefix length]. */
const V4_RESERVED: readonly [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
];

/** Loopback, private, link-local, shared, multicast and reserved addresses (IPv4 and IPv6). */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const n = v4Number(ip);
    return V4_RESERVED.some(([base, bits]) => {
      const size = 2 ** (32 - bits);
      const start = v4Number(base);
      return n >= start && n < start + size;
    });
  }
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1] !== undefined) return isPrivateAddress(mapped[1]);
  return (
    lower === '::' ||
    lower === '::1' ||
    /^f[cd]/.test(lower) || // unique local fc00::/7
    /^fe[89ab]/.test(lower) || // link-local fe80::/10
    /^ff/.test(lower) // multicast
  );
}

/**
 * A `lookup` for http(s).request that refuses private addresses (unless
 * `allowLocal`): the check runs on the address the socket will connect to.
 */
export function guardedLookup(allowLocal: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err !== null) {
        callback(err, '', 0);
        return;
      }
      const allowed = allowLocal
        ? addresses
        : addresses.filter((a) => !isPrivateAddress(a.address));
      const first = allowed[0];
      if (first === undefined) {
        callback(new Error(`${hostname} resolves to a private or local address`), '', 0);
        return;
      }
      if (options.all === true) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}
