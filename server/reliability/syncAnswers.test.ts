/**
 * Sync step 1 answers are bounded: each may encode the whole document, so a connection gets a few
 * of them per interval, whatever its key. A burst of state vectors from a view key closes that
 * socket instead of making the server encode the map again and again.
 */
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_TOO_MANY_MESSAGES, MESSAGE_SYNC } from '../../shared/protocol/syncProtocol';
import type { RunningServer } from '../createServer';
import {
  clientsClosedAfterEach,
  createMap,
  encodeFrame,
  labelOf,
  openRaw,
  putLabel,
  startServer,
  synced,
  waitFor,
  wsUrl,
} from '../test/helpers';

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const BURST = 4;

let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});
const open = clientsClosedAfterEach();

/** `[sync, step 1, state vector]` of an empty doc: asks for the whole document. */
const step1Frame = (): Uint8Array =>
  encodeFrame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP_1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
  });

describe('sync step 1 answers are bounded', () => {
  it(`a view key asking for the whole document past its burst is closed with ${CLOSE_TOO_MANY_MESSAGES}; the map keeps serving`, async () => {
    server = await startServer({ limits: { syncAnswerBurst: BURST, syncAnswersPerMinute: 6 } });
    const map = await createMap(server.url);
    const editor = open(server.url, map.id, map.editKey);
    await synced(editor);
    putLabel(editor.doc, 'a1', 'Welkomstbalie');

    const raw = openRaw(`${wsUrl(server.url)}/sync/${map.id}?key=${map.viewKey}`);
    await raw.opened;
    await waitFor(() => raw.messages.length > 0, 'sync step 1 from the server');
    const answers = () => raw.messages.filter((m) => m[0] === MESSAGE_SYNC && m[1] === SYNC_STEP_2).length;
    for (let i = 0; i < BURST; i++) raw.ws.send(step1Frame());
    await waitFor(() => answers() === BURST, 'an answer to each request of the burst');
    for (let i = 0; i < 50; i++) raw.ws.send(step1Frame());
    expect((await raw.closed).code).toBe(CLOSE_TOO_MANY_MESSAGES);
    expect(answers()).toBe(BURST);

    const joiner = open(server.url, map.id, map.viewKey);
    await synced(joiner);
    await waitFor(() => labelOf(joiner.doc, 'a1') === 'Welkomstbalie', 'the edit reaches a later joiner');
  });
});
