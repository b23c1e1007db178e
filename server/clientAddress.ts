import net from 'node:net';

/**
 * The key under which per-address limits count a client: its IPv4 address (also when it arrives as
 * an IPv4-mapped IPv6 address), or the /64 prefix of an IPv6 address, because one subscriber
 * usually holds a whole /64 and could otherwise rotate through addresses for free.
 */
export function clientAddress(remoteAddress: string | undefined): string {
  if (!remoteAddress) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remoteAddress);
  if (mapped) return mapped[1]!;
  if (net.isIPv6(remoteAddress)) return `${expandIpv6(remoteAddress).slice(0, 4).join(':')}::/64`;
  return remoteAddress;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const fill = address.includes('::') ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...fill, ...right].map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''));
}
