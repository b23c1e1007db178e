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

/** Close codes. 4400–4499 stop the stock y-websocket client's reconnect loop. */
export const CLOSE_BAD_REQUEST = 4400;
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_NOT_FOUND = 4404;
export const CLOSE_KEY_REVOKED = 4410;
export const CLOSE_TOO_MANY_MESSAGES = 4429;
/** Standard code for a message or document over the size limit. Does not stop the stock client. */
export const CLOSE_TOO_BIG = 1009;
/** Standard code for a protocol violation (garbage bytes, text frames, unknown types). */
export const CLOSE_PROTOCOL_ERROR = 1002;
/** The server could not load the map from storage; the client may retry later. */
export const CLOSE_LOAD_FAILED = 1011;
/** The server is shutting down; the client reconnects. */
export const CLOSE_GOING_AWAY = 1001;

/** Path prefix of the sync WebSocket: `/sync/<mapId>?key=<key>`. */
export const SYNC_PATH = '/sync';

/** Ids and keys: ≥ 128 random bits, URL-safe base64 without padding (22 chars = 132 bits). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
