/** Dutch: what the server's import and export API answers about a file or a request (scripts read it too). */
export const api = {
  'api.import.refused': {
    one: '1 probleem: er is niets geïmporteerd',
    other: '{count, number} problemen: er is niets geïmporteerd',
  },
  'api.import.contentType':
    'Stuur het bestand met zijn type: text/csv, application/json of application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (XLSX).',
  'api.import.editKeyRequired':
    'Alleen de bewerkingslink kan in een kaart importeren; met deze link kun je de kaart niet wijzigen. Er is niets geïmporteerd.',
  'api.import.kind': '‘{kind}’ is geen soort actor. Kies uit: {kinds}.',
  'api.import.tooLarge': 'Het bestand is groter dan {max, number} MB, de grens voor een import.',
  'api.import.tooBig':
    'De kaart zou met deze import groter worden dan de server toelaat; er is niets geïmporteerd.',
  'api.import.refusedByServer': 'De server weigerde de wijziging; er is niets geïmporteerd.',
  'api.import.newer':
    'Deze kaart is gemaakt met een nieuwere versie van KetenKaart; de server schrijft er niet in.',
  'api.import.failed':
    'Het bestand kon niet binnen de tijd of het geheugen van de server gelezen worden; er is niets geïmporteerd. Splits het in kleinere bestanden.',
  'api.import.busy': 'De server heeft nu te veel kaarten open; probeer het later opnieuw.',
  'api.export.failed':
    'De export kon niet binnen de tijd of het geheugen van de server gemaakt worden; probeer het later opnieuw.',
  'api.export.format': '‘{format}’ is geen exportformaat. Kies uit: {formats}.',
  'api.export.table': '‘{table}’ is geen tabel. Kies uit: {tables}.',
  'api.fileName': 'bestand',
} as const;
