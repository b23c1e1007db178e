import { randomId } from '../../shared/randomId';
import type { OwnBallot, VoteState } from '../../shared/voting/voteTypes';

/** Test helpers for the votes API: plain HTTP as a browser sends it, and a raw event stream. */

export const token = (): string => randomId();

export async function voteCall(
  serverUrl: string,
  mapId: string,
  key: string | undefined,
  path: '' | '/dots' | '/stop' | '/reveal',
  body?: Record<string, unknown>,
  method = 'POST',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(`${serverUrl}/api/maps/${mapId}/votes${path}`, {
    method,
    headers,
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function readVotes(serverUrl: string, mapId: string, key: string, voterToken?: string) {
  const res = await fetch(`${serverUrl}/api/maps/${mapId}/votes`, {
    headers: { authorization: `Bearer ${key}`, ...(voterToken ? { 'x-voter-token': voterToken } : {}) },
  });
  return { status: res.status, body: (await res.json()) as VoteState & { mine: OwnBallot } };
}

export interface RawFeed {
  /** Every byte of the stream, as text, in order. */
  readonly raw: string[];
  /** The parsed `state` events. */
  readonly states: VoteState[];
  readonly status: Promise<number>;
  close(): void;
}

/** Opens `/votes/events` and records everything it receives. */
export function openFeed(serverUrl: string, mapId: string, key: string): RawFeed {
  const controller = new AbortController();
  const raw: string[] = [];
  const states: VoteState[] = [];
  let buffer = '';
  const status = (async () => {
    const res = await fetch(`${serverUrl}/api/maps/${mapId}/votes/events?key=${key}`, {
      signal: controller.signal,
    });
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          const text = decoder.decode(chunk, { stream: true });
          raw.push(text);
          buffer += text;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            if (block.includes('event: state')) states.push(JSON.parse(data));
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // aborted
      }
    })();
    return res.status;
  })();
  return { raw, states, status, close: () => controller.abort() };
}
