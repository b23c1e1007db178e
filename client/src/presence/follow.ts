import type { Peer, SharedViewport, SummonRequest } from './PresenceSession';

export type { SharedViewport, SummonRequest };

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** A peer's viewport if it is a sane one (awareness is untrusted), else null. */
export function viewportOf(peer: Peer | undefined): SharedViewport | null {
  const v = peer?.viewport as Partial<SharedViewport> | null | undefined;
  if (!v || !finite(v.x) || !finite(v.y) || !finite(v.width) || !finite(v.height)) return null;
  if (v.width <= 0 || v.height <= 0 || v.width > 1e7 || v.height > 1e7) return null;
  return { x: v.x, y: v.y, width: v.width, height: v.height };
}

/**
 * Whose view to show when following `start`: A follows B who follows C shows C's view. The walk
 * goes along `following` and stops at a peer who follows nobody, at a peer who is gone, or at the
 * first repeat (a cycle, our own id included): it never loops. The result is the last peer reached.
 */
export function followTarget(start: number, peers: readonly Peer[], self: number): Peer | null {
  const byId = new Map(peers.map((p) => [p.clientId, p]));
  let current = byId.get(start);
  if (!current) return null;
  const seen = new Set<number>([self, start]);
  for (;;) {
    const next = current.following;
    if (typeof next !== 'number' || seen.has(next)) return current;
    const peer = byId.get(next);
    if (!peer) return current;
    seen.add(next);
    current = peer;
  }
}

/** The viewport (pan and zoom) that shows `view` whole and centred on a canvas of `size`. */
export function fitViewport(
  view: SharedViewport,
  size: { width: number; height: number },
  limits: { minZoom: number; maxZoom: number },
): { x: number; y: number; zoom: number } {
  const raw = Math.min(size.width / view.width, size.height / view.height);
  const zoom = Math.min(limits.maxZoom, Math.max(limits.minZoom, raw));
  const cx = view.x + view.width / 2;
  const cy = view.y + view.height / 2;
  return { x: size.width / 2 - cx * zoom, y: size.height / 2 - cy * zoom, zoom };
}

/** Open requests to follow: from peers who edit (a facilitator), not yet answered here. */
export function openSummons(peers: readonly Peer[], answered: ReadonlySet<string>): Peer[] {
  return peers.filter((p) => {
    const id = (p.summon as Partial<SummonRequest> | null | undefined)?.id;
    return typeof id === 'string' && !p.readOnly && !answered.has(id);
  });
}
