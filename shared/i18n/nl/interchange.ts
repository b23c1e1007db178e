/** Dutch wording of import and export: problems (by code), places, statuses, fields, stages. */
export const interchange = {
  unsupportedFormat: '‘{name}’ is geen CSV-, Excel- (XLSX) of KetenKaart-bestand (JSON).',
  legacyXls:
    'Dit is een oud Excel-bestand (.xls). Open het in Excel, kies ‘Opslaan als’ › ‘Excel-werkmap (.xlsx)’ en probeer opnieuw.',
  emptyFile: 'Het bestand is leeg.',
  fileTooLarge: 'Het bestand is {size, number} MB groot; de grens is {max, number} MB.',
  zipCorrupt: 'Het Excel-bestand is beschadigd of onvolledig.',
  zipTooLarge:
    'Uitgepakt zou het Excel-bestand {size, number} MB innemen; de grens is {max, number} MB. Het wordt niet geopend.',
  zipRatio:
    'Het Excel-bestand pakt uit tot {ratio, number} keer zijn eigen grootte (de grens is {max, number} keer). Dat wijst op een gevaarlijk bestand; het wordt niet geopend.',
  zipTooManyEntries: {
    one: 'Het Excel-bestand bestaat uit 1 onderdeel; de grens is {max, number}. Het wordt niet geopend.',
    other:
      'Het Excel-bestand bestaat uit {count, number} onderdelen; de grens is {max, number}. Het wordt niet geopend.',
  },
  zipSizeMismatch:
    'Het Excel-bestand pakt groter uit dan het zelf aangeeft. Dat wijst op een gevaarlijk bestand; het wordt niet geopend.',
  xlsxCorrupt:
    'Het Excel-bestand kon niet gelezen worden. Open en bewaar het opnieuw in Excel en probeer nog eens.',
  csvMalformed:
    'Hier ontbreekt een afsluitend aanhalingsteken ("); de rest van het bestand is daardoor niet te lezen.',
  jsonSyntax: 'Dit is geen geldig JSON-bestand.',
  jsonFormat: 'Dit JSON-bestand is geen KetenKaart-export (formaat ‘{found}’, verwacht ‘ketenkaart/1’).',
  jsonMissingField: 'Dit veld ontbreekt.',
  jsonInvalidValue: 'Dit veld heeft een ongeldige waarde.',
  jsonUnknownField: 'Dit veld hoort niet in een KetenKaart-bestand.',
  noData: 'Het bestand bevat geen gegevens om in te lezen.',
  tooManyRows: {
    one: 'Dit blad telt 1 rij; de grens is {max, number}.',
    other: 'Dit blad telt {count, number} rijen; de grens is {max, number}.',
  },
  missingNameColumn: 'Er is geen kolom met de naam van elk element (bijvoorbeeld ‘Naam’ of ‘Label’).',
  missingFromColumn: 'De verbindingen missen de kolom ‘Van’ (From).',
  missingToColumn: 'De verbindingen missen de kolom ‘Naar’ (To).',
  missingTextColumn: 'De notities missen de kolom ‘Tekst’.',
  duplicateColumn:
    'Deze kolom is aan hetzelfde veld gekoppeld als de kolom ‘{other}’; een veld kan maar uit één kolom komen.',
  cellTooLong: 'Deze cel bevat {length, number} tekens; de grens is {max, number}.',
  emptyName: 'Deze rij heeft geen naam.',
  emptyEndpoint: 'Deze verbinding zegt niet tussen welke elementen ze loopt.',
  unknownKind:
    '‘{value}’ is geen soort die KetenKaart kent. Gebruik Dienst, Partner, Samenwerkingsverband, Overdrachtspunt, Doelgroep of Rol.',
  unknownLinkKind:
    '‘{value}’ is geen soort verbinding die KetenKaart kent. Gebruik Warme overdracht, Koude overdracht, Overdracht, Partnerschap, Lidmaatschap of Informatiedeling.',
  unknownDirection:
    '‘{value}’ is geen richting. Gebruik directed, undirected of mutual (gericht, ongericht, wederzijds).',
  unknownWarmth: '‘{value}’ is geen soort overdracht. Gebruik Warm of Koud.',
  unknownRegie:
    '‘{value}’ is geen vorm van lokale regie. Gebruik Zelf, Partnerschap, Bovenlokaal of Intergemeentelijk.',
  unknownNoteKind: '‘{value}’ is geen soort notitie. Gebruik Quick-win, Knelpunt of Actie.',
  unknownStatus: '‘{value}’ is geen status. Gebruik Open, Bezig of Klaar.',
  unknownPriority: '‘{value}’ is geen prioriteit. Gebruik Laag, Middel of Hoog.',
  invalidBoolean: '‘{value}’ is geen ja of nee.',
  invalidNumber: '‘{value}’ is geen getal.',
  invalidDate: '‘{value}’ is geen datum. Schrijf bijvoorbeeld 31/12/2025 of 2025-12-31.',
  invalidKbo:
    '‘{value}’ is geen KBO-nummer. Een ondernemingsnummer heeft tien cijfers, bijvoorbeeld 0123.456.749.',
  kboChecksum: '‘{value}’ is geen geldig KBO-nummer: de controlecijfers kloppen niet. Kijk het nummer na.',
  kboEstablishment:
    '‘{value}’ is een vestigingsnummer, geen ondernemingsnummer. Gebruik het ondernemingsnummer (dat begint met 0 of 1).',
  invalidId:
    '‘{value}’ kan geen ID zijn: gebruik hoogstens 100 letters, cijfers of - _ . : ~, zonder spaties.',
  duplicateId: 'De ID ‘{value}’ komt meer dan eens voor.',
  duplicateRow: 'Deze rij beschrijft hetzelfde element als rij {other}.',
  ambiguousMatch: {
    one: 'Er is 1 element met de naam ‘{value}’.',
    other:
      'Er zijn {count, number} elementen met de naam ‘{value}’. Voeg een kolom ID of KBO-nummer toe, zodat duidelijk is welk bedoeld wordt.',
  },
  unknownEndpoint: '‘{value}’ staat niet bij de elementen van het bestand en ook niet op de kaart.',
  selfLink: 'Een verbinding moet twee verschillende elementen verbinden; hier is ‘{value}’ beide.',
  severalTargetsWithId:
    'Een rij met een ID kan maar naar één element lopen; zet de elementen in ‘{value}’ op aparte rijen.',
  unknownAnchor:
    '‘{value}’ staat niet in het bestand en niet op de kaart; de notitie kan er niet aan gekoppeld worden.',
  missingCoordinate: 'Geef zowel X als Y, of geen van beide.',
  mapChanged:
    'De kaart is intussen veranderd (een element van deze verbinding is verwijderd). Bekijk de voorvertoning opnieuw.',

  'problem.at': '{where}: {message}',
  'location.sheet': 'blad ‘{sheet}’',
  'location.row': 'rij {row}',
  'location.column': 'kolom ‘{column}’',
  'location.field': 'veld ‘{column}’',

  'status.new': 'nieuw',
  'status.update': 'bijwerken',
  'status.unchanged': 'ongewijzigd',

  'target.append': 'Toevoegen aan de beschrijving',
  'target.ignore': 'Niet overnemen',

  'field.id': 'ID',
  'field.label': 'Naam',
  'field.kind': 'Soort',
  'field.description': 'Beschrijving',
  'field.tags': 'Labels',
  'field.phase': 'Fase',
  'field.regie': 'Lokale regie',
  'field.contact': 'Contact',
  'field.municipality': 'Gemeente',
  'field.kbo': 'KBO-nummer',
  'field.entryPoint': 'Instappunt van de keten',
  'field.needs': 'Noden en behoeften',
  'field.languages': 'Talen',
  'field.x': 'X (positie)',
  'field.y': 'Y (positie)',
  'field.from': 'Van',
  'field.to': 'Naar',
  'field.direction': 'Richting',
  'field.warmth': 'Warm of koud',
  'field.dataShared': 'Persoonsgegevens worden gedeeld',
  'field.owner': 'Eigenaar',
  'field.text': 'Tekst',
  'field.status': 'Status',
  'field.due': 'Deadline',
  'field.priority': 'Prioriteit',
  'field.anchor': 'Gekoppeld aan',
  'field.source': 'Pakt knelpunt aan',
  'field.order': 'Volgorde',

  'stage.read': 'Bestand lezen',
  'stage.map': 'Kolommen toewijzen',
  'stage.match': 'Vergelijken met de kaart',
  'stage.place': 'Nieuwe actoren schikken',
  'stage.apply': 'Op de kaart zetten',
  'stage.write': 'Bestand maken',
} as const;
