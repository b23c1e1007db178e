/** Dutch: the accessibility statement page ("Toegankelijkheid"). */
export const statement = {
  link: 'Toegankelijkheid',
  back: 'Terug naar Mijn kaarten',
  title: 'Toegankelijkheidsverklaring',
  intro:
    'KetenKaart wil voor iedereen bruikbaar zijn: met muis, toetsenbord of schermlezer, op een groot scherm of een laptop. Een Vlaams lokaal bestuur dat KetenKaart aanbiedt, moet volgens het Bestuursdecreet van 7 december 2018 (dat de Europese richtlijn (EU) 2016/2102 omzet) voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA, volgens de geharmoniseerde norm EN 301 549.',
  statusTitle: 'Nalevingsstatus',
  status:
    'KetenKaart is gedeeltelijk conform met WCAG 2.1 niveau AA. De onderdelen hieronder voldoen nog niet of zijn niet volledig getest.',
  limitationsTitle: 'Wat nog niet toegankelijk is',
  limitationDiagram:
    'De kaart zelf is een diagram. De weergave ‘Lijst’ toont dezelfde actoren, verbindingen en notities als tekst en laat ze bewerken.',
  limitationPictures:
    'Een geëxporteerde afbeelding (PNG of SVG) van de kaart heeft geen tekstalternatief. Gebruik de gegevensexport (XLSX, CSV of JSON) of het Ketenplan voor de inhoud in tekst.',
  limitationPrint:
    'Het Ketenplan en de afgedrukte kaart worden door de browser als PDF gemaakt; die PDF heeft geen toegankelijke structuur (tags).',
  limitationPresence:
    'De cursors en kleuren van andere deelnemers zijn alleen zichtbaar; hun namen staan in de lijst ‘Aanwezig’.',
  limitationScreenReader:
    'KetenKaart is automatisch getest (axe-core, in elke build) en met het toetsenbord, maar nog niet handmatig met een schermlezer.',
  howTitle: 'Hoe deze verklaring is opgesteld',
  how: 'Zelfbeoordeling door het ontwikkelteam. Elke versie wordt automatisch gecontroleerd op de WCAG 2.1 A- en AA-criteria die een programma kan toetsen, op elk scherm van de toepassing; wat een programma niet kan beoordelen, staat in de documentatie van het project (docs/accessibility.md).',
  reportTitle: 'Een probleem melden',
  report:
    'Loop je vast of mis je informatie? Meld het aan de organisatie die deze KetenKaart aanbiedt (meestal je gemeente of de coördinator van het netwerk). Zij vermeldt haar contactgegevens in haar eigen toegankelijkheidsverklaring en antwoordt binnen een redelijke termijn.',
  enforcementTitle: 'Handhaving',
  enforcement:
    'Krijg je geen of geen bevredigend antwoord van een Vlaamse overheidsinstantie of een lokaal bestuur, dan kun je terecht bij de Vlaamse Ombudsdienst.',
} as const;
