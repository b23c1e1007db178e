import type { Translation } from '../catalogue';
import type { api as nl } from '../nl/api';

/** English: what the server's import and export API answers about a file or a request. */
export const api: Translation<typeof nl> = {
  'api.import.refused': {
    one: '1 problem: nothing was imported',
    other: '{count, number} problems: nothing was imported',
  },
  'api.import.contentType':
    'Send the file with its type: text/csv, application/json or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (XLSX).',
  'api.import.editKeyRequired':
    'Only the edit link can import into a map; this link cannot change the map. Nothing was imported.',
  'api.import.kind': '‘{kind}’ is not a kind of actor. Choose from: {kinds}.',
  'api.import.tooLarge': 'The file is larger than {max, number} MB, the limit for an import.',
  'api.import.tooBig': 'This import would make the map larger than the server allows; nothing was imported.',
  'api.import.refusedByServer': 'The server refused the change; nothing was imported.',
  'api.import.newer':
    'This map was made with a newer version of KetenKaart; the server does not write to it.',
  'api.import.failed':
    'The file could not be read within the server’s time or memory; nothing was imported. Split it into smaller files.',
  'api.import.busy': 'The server has too many maps open right now; try again later.',
  'api.export.failed': 'The export could not be made within the server’s time or memory; try again later.',
  'api.export.format': '‘{format}’ is not an export format. Choose from: {formats}.',
  'api.export.table': '‘{table}’ is not a table. Choose from: {tables}.',
  'api.fileName': 'file',
};
