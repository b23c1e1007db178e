/**
 * Wire constants shared by the KetenKaart server and client.
 *
 * The sync socket speaks the y-websocket protocol unchanged (message type 0 = sync, 1 = awareness,
 * 3 = query awareness). KetenKaart adds exactly one server→client message, the storage
 * acknowledgement, and sends it only to connections that asked for it with `ack=1` in the URL:
 * the stock client logs an error for message types it does not know, so it must never see one.
 */

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/**
 * `[MESSAGE_STORED, varUint n]`: every message among the first `n` that this connection sent has been
 * processed, and every document change in them is committed to durable storage. `n` counts every
 * binary frame the client sent on this socket, of any type, starting at 1 for the first frame.
 */
export const MESSAGE_STORED = 100;

/** URL query parameter by which our own client asks for MESSAGE_STORED frames. */
export const ACK_PARAM = 'ack';

/**
 * Close codes. 4400–4499 stop the stock y-websocket client's reconnect loop ("don't retry: it will
 * not work"); every other code makes it reconnect with backoff. KetenKaart's own reconnecting codes
 * are in 4100–4199. docs/API.md lists when each is sent.
 */

/**
 * Reconnect and resync: the server dropped content of this socket it could not place (held back
 * waiting for content the server never got) or had to move the map; nothing unacknowledged was kept.
 * On reconnect the client's sync step 2 carries everything the server lacks.
 */
export const CLOSE_RESYNC = 4100;
/** The socket sent nothing for longer than the server's idle deadline; reconnecting is fine. */
export const CLOSE_IDLE = 4108;
export const CLOSE_BAD_REQUEST = 4400;
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_NOT_FOUND = 4404;
export const CLOSE_KEY_REVOKED = 4410;
/** An update breaks the KetenKaart document shape (`shared/model/docShape.ts`); resending it won't help. */
export const CLOSE_INVALID_CONTENT = 4422;
/**
 * The map is quarantined: loading or changing it cost more than the server allows (a worker missed
 * its deadline or ran out of memory). Refused until the quarantine period ends or the server restarts.
 */
export const CLOSE_MAP_QUARANTINED = 4423;
export const CLOSE_TOO_MANY_MESSAGES = 4429;
/** Standard code for a message or document over the size limit. Does not stop the stock client. */
export const CLOSE_TOO_BIG = 1009;
/** Standard code for a protocol violation (garbage bytes, text frames, unknown types). */
export const CLOSE_PROTOCOL_ERROR = 1002;
/**
 * The server could not load the map, could not store a change, or applying a change failed (the map
 * is reloaded from storage); the client may retry.
 */
export const CLOSE_LOAD_FAILED = 1011;
/** Standard "try again later": the server is at its memory or connection limit. */
export const CLOSE_SERVER_BUSY = 1013;
/** The server is shutting down; the client reconnects. */
export const CLOSE_GOING_AWAY = 1001;

/**
 * Field set to `true` in the JSON error body of `POST /api/maps` (401 or 403) when the server
 * requires a map-creation token (`CREATE_MAPS_TOKEN`) and none or a wrong one was sent.
 */
export const CREATE_TOKEN_REQUIRED = 'createTokenRequired';

/** Path prefix of the sync WebSocket: `/sync/<mapId>?key=<key>`. */
export const SYNC_PATH = '/sync';

/** Ids and keys: ≥ 128 random bits, URL-safe base64 without padding (22 chars = 132 bits). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
