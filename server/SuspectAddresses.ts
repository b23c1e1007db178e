import { LruMap } from './LruMap';

const TRACKED = 10_000;

/**
 * Client addresses that recently sent something the server refused (content breaking the document
 * shape, an update over a budget, held-back content past its bound, a doc request that a worker
 * could not finish in time). Rooms they write to run on isolated doc workers, so an attacker who
 * tried once can no longer make a shared worker wait, while honest rooms stay on shared ones.
 */
export class SuspectAddresses {
  private readonly until = new LruMap<string, number>(TRACKED);

  constructor(private readonly periodMs: number) {}

  mark(address: string): void {
    this.until.set(address, Date.now() + this.periodMs);
  }

  isSuspect(address: string): boolean {
    const until = this.until.get(address);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.until.delete(address);
    return false;
  }
}
