import { LocalMapStore } from '../persistence/LocalMapStore';

/** Device-wide services, created once per page. */
export const localMapStore = new LocalMapStore();

/** The server this page was served by; shared maps sync with it. */
export const serverOrigin = (): string => globalThis.location.origin;
