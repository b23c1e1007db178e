import type { RejectReason } from './metrics';

/** Input that ends the offending connection (and only it) with a specific close code. */
export class ProtocolError extends Error {
  constructor(
    readonly closeCode: number,
    message: string,
    readonly reason: RejectReason,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}
