/** The doc layout version this code reads and writes. Bump it together with a new migration. */
export const CURRENT_SCHEMA_VERSION = 2;

/** Thrown by every write on a doc whose schema is newer than this code understands. */
export class NewerSchemaError extends Error {
  constructor(readonly docVersion: number) {
    super(
      `This map was saved by a newer version of KetenKaart (schema ${docVersion}, this app knows ${CURRENT_SCHEMA_VERSION}); it is opened read-only.`,
    );
    this.name = 'NewerSchemaError';
  }
}
