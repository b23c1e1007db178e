/** `RELIABILITY_LONG=1` runs every reliability test longer; `RELIABILITY_SEED` replays another random run. */
export const LONG = process.env.RELIABILITY_LONG === '1';
export const SEED = Number(process.env.RELIABILITY_SEED ?? 20_240_601);

/** CI size or long size. */
export const sized = (ci: number, long: number): number => (LONG ? long : ci);
