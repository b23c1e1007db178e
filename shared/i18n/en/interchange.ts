import type { InterchangeMessages } from '../../interchange/messageKeys';

/** English wording of import and export: problems (by code), places, statuses, fields, stages. */
export const interchange = {
  unsupportedFormat: '‘{name}’ is not a CSV, Excel (XLSX) or KetenKaart (JSON) file.',
  legacyXls:
    'This is an old Excel file (.xls). Open it in Excel, choose ‘Save as’ › ‘Excel Workbook (.xlsx)’ and try again.',
  emptyFile: 'The file is empty.',
  fileTooLarge: 'The file is {size, number} MB; the limit is {max, number} MB.',
  zipCorrupt: 'The Excel file is damaged or incomplete.',
  zipTooLarge:
    'Unpacked, the Excel file would take {size, number} MB; the limit is {max, number} MB. It is not opened.',
  zipRatio:
    'The Excel file unpacks to {ratio, number} times its own size (the limit is {max, number} times). That points to a dangerous file; it is not opened.',
  zipTooManyEntries: {
    one: 'The Excel file has 1 part; the limit is {max, number}. It is not opened.',
    other: 'The Excel file has {count, number} parts; the limit is {max, number}. It is not opened.',
  },
  zipSizeMismatch:
    'The Excel file unpacks to more than it says. That points to a dangerous file; it is not opened.',
  xlsxCorrupt: 'The Excel file could not be read. Open and save it again in Excel and retry.',
  csvMalformed: 'A closing quote (") is missing here, so the rest of the file cannot be read.',
  jsonSyntax: 'This is not a valid JSON file.',
  jsonFormat: 'This JSON file is not a KetenKaart export (format ‘{found}’, expected ‘ketenkaart/1’).',
  jsonMissingField: 'This field is missing.',
  jsonInvalidValue: 'This field has an invalid value.',
  jsonUnknownField: 'This field does not belong in a KetenKaart file.',
  noData: 'The file holds no data to import.',
  tooManyRows: {
    one: 'This sheet has 1 row; the limit is {max, number}.',
    other: 'This sheet has {count, number} rows; the limit is {max, number}.',
  },
  missingNameColumn: 'There is no column with the name of each element (for example ‘Name’ or ‘Label’).',
  missingFromColumn: 'The connections lack the column ‘From’.',
  missingToColumn: 'The connections lack the column ‘To’.',
  missingTextColumn: 'The notes lack the column ‘Text’.',
  duplicateColumn:
    'This column feeds the same field as the column ‘{other}’; a field can come from one column only.',
  cellTooLong: 'This cell holds {length, number} characters; the limit is {max, number}.',
  emptyName: 'This row has no name.',
  emptyEndpoint: 'This connection does not say which elements it connects.',
  unknownKind:
    '‘{value}’ is not a kind KetenKaart knows. Use Service, Partner, Collaboration, Handover point, Target group or Role.',
  unknownLinkKind:
    '‘{value}’ is not a kind of connection KetenKaart knows. Use Warm handover, Cold handover, Handover, Partnership, Membership or Information sharing.',
  unknownDirection: '‘{value}’ is not a direction. Use directed, undirected or mutual.',
  unknownWarmth: '‘{value}’ is not a kind of handover. Use Warm or Cold.',
  unknownRegie:
    '‘{value}’ is not a form of local direction. Use Self, Partnership, Supralocal or Intermunicipal.',
  unknownNoteKind: '‘{value}’ is not a kind of note. Use Quick win, Gap or Action.',
  unknownStatus: '‘{value}’ is not a status. Use Open, In progress or Done.',
  unknownPriority: '‘{value}’ is not a priority. Use Low, Medium or High.',
  invalidBoolean: '‘{value}’ is not yes or no.',
  invalidNumber: '‘{value}’ is not a number.',
  invalidDate: '‘{value}’ is not a date. Write for example 31/12/2025 or 2025-12-31.',
  invalidKbo: '‘{value}’ is not a KBO number. An enterprise number has ten digits, for example 0123.456.749.',
  kboChecksum: '‘{value}’ is not a valid KBO number: its check digits do not match. Please check the number.',
  kboEstablishment:
    '‘{value}’ is an establishment unit number, not an enterprise number. Use the enterprise number (it starts with 0 or 1).',
  invalidId: '‘{value}’ cannot be an ID: use at most 100 letters, digits or - _ . : ~, without spaces.',
  duplicateId: 'The ID ‘{value}’ occurs more than once.',
  duplicateRow: 'This row describes the same element as row {other}.',
  ambiguousMatch: {
    one: 'There is 1 element named ‘{value}’.',
    other:
      'There are {count, number} elements named ‘{value}’. Add an ID or KBO number column to say which one is meant.',
  },
  unknownEndpoint: '‘{value}’ is neither among the file’s elements nor on the map.',
  selfLink: 'A connection must join two different elements; here ‘{value}’ is both.',
  severalTargetsWithId:
    'A row with an ID can go to one element only; put the elements in ‘{value}’ on separate rows.',
  unknownAnchor: '‘{value}’ is neither in the file nor on the map; the note cannot be attached to it.',
  missingCoordinate: 'Give both X and Y, or neither.',
  mapChanged: 'The map changed meanwhile (an element of this connection was deleted). Please preview again.',

  'problem.at': '{where}: {message}',
  'location.sheet': 'sheet ‘{sheet}’',
  'location.row': 'row {row}',
  'location.column': 'column ‘{column}’',
  'location.field': 'field ‘{column}’',

  'status.new': 'new',
  'status.update': 'update',
  'status.unchanged': 'unchanged',

  'target.append': 'Add to the description',
  'target.ignore': 'Leave out',

  'field.id': 'ID',
  'field.label': 'Name',
  'field.kind': 'Kind',
  'field.description': 'Description',
  'field.tags': 'Tags',
  'field.phase': 'Phase',
  'field.regie': 'Local direction',
  'field.contact': 'Contact',
  'field.municipality': 'Municipality',
  'field.kbo': 'KBO number',
  'field.entryPoint': 'Entry point of the chain',
  'field.needs': 'Needs',
  'field.languages': 'Languages',
  'field.x': 'X (position)',
  'field.y': 'Y (position)',
  'field.from': 'From',
  'field.to': 'To',
  'field.direction': 'Direction',
  'field.warmth': 'Warm or cold',
  'field.dataShared': 'Personal data is shared',
  'field.owner': 'Owner',
  'field.text': 'Text',
  'field.status': 'Status',
  'field.due': 'Due date',
  'field.priority': 'Priority',
  'field.anchor': 'Attached to',
  'field.source': 'Tackles gap',
  'field.order': 'Order',

  'stage.read': 'Reading the file',
  'stage.map': 'Mapping columns',
  'stage.match': 'Comparing with the map',
  'stage.place': 'Arranging new actors',
  'stage.apply': 'Putting it on the map',
  'stage.write': 'Making the file',
} as const satisfies InterchangeMessages;
