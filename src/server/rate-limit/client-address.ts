import { isIP } from 'node:net';
import type { KitRequest } from '../kit-request.js';

/**
 * The socket's remote address of each Fetch `Request` `toNodeListener` built (a light request carries
 * its own). A Request has no field for it, and a header could be sent by anyone; a WeakMap entry goes
 * when the request does.
 */
const socketAddresses = new WeakMap<KitRequest, string>();

export function rememberSocketAddress(request: KitRequest, address: string | undefined): void {
  if (address) socketAddresses.set(request, address);
}

/**
 * Who sent the request: the socket's address, or, behind a proxy the merchant trusts (`trustProxy`),
 * the address that proxy saw: the last entry of `X-Forwarded-For` (the ones before it are the
 * client's own claims, free to forge).
 */
export function clientAddressOf(request: KitRequest, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  return request instanceof Request ? socketAddresses.get(request) : request.remoteAddress;
}

/**
 * The key one client is counted under: IPv4 as is (IPv4-mapped IPv6 too), IPv6 by its /64, which
 * one subscriber usually holds whole.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  if (mapped) return mapped;
  if (isIP(address) !== 6) return address;
  const groups = ipv6Groups(address.toLowerCase().split('%')[0] ?? '');
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, `::` expanded and leading zeros dropped. */
function ipv6Groups(address: string): string[] {
  // A trailing dotted quad (`64:ff9b::192.0.2.1`) is the last two groups.
  const hex = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (...quad: string[]) => {
    const [a, b, c, d] = quad.slice(1, 5).map(Number) as [number, number, number, number];
    return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  });
  const [head = '', tail] = hex.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
