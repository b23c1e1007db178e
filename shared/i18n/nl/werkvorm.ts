/** Dutch: the four-step method ("Werkvorm") as a guided session, after the article's four tips. */
export const werkvorm = {
  'werkvorm.start': 'Werkvorm starten',
  'werkvorm.startHint':
    'De vier stappen van de ketenaanpak als begeleide sessie: iedereen volgt de stap mee.',
  'werkvorm.title': 'Werkvorm',
  'werkvorm.stepOf': 'Stap {number} van {total}',
  'werkvorm.steps': 'Stappen van de werkvorm',
  'werkvorm.step.interneAnalyse': 'Interne analyse',
  'werkvorm.step.interneAnalyse.prompt':
    'Wie komt er aan in onze gemeente, en met welke noden? Bekijk de doelgroepen en waar een route ontbreekt.',
  'werkvorm.step.gecoordineerdeAanpak': 'Gecoördineerde aanpak',
  'werkvorm.step.gecoordineerdeAanpak.prompt':
    'Wie doet wat? Elke dienst en partner met zijn verantwoordelijkheid. Wie staat alleen, en waar hangt alles aan één schakel?',
  'werkvorm.step.lokaleRegie': 'Lokale regie',
  'werkvorm.step.lokaleRegie.prompt':
    'Wat doen we zelf, wat in partnerschap, wat bovenlokaal en wat intergemeentelijk? Geef elke actor en actie zijn regie.',
  'werkvorm.step.stapPerStap': 'Stap per stap',
  'werkvorm.step.stapPerStap.prompt':
    'Quick-wins eerst. Stem met stippen op de knelpunten en quick-wins, en geef elke actie een trekker en een datum.',
  'werkvorm.findings': {
    one: '{count} bevinding van de analyse bij deze stap',
    other: '{count} bevindingen van de analyse bij deze stap',
  },
  'werkvorm.timer': 'Timer {minutes} min',
  'werkvorm.timerHint': 'Start de workshoptimer met de voorgestelde duur van deze stap.',
  'werkvorm.previous': 'Vorige stap',
  'werkvorm.next': 'Volgende stap',
  'werkvorm.finish': 'Werkvorm afronden',
  'werkvorm.pause': 'Werkvorm pauzeren',
  'werkvorm.resume': 'Werkvorm hervatten',
  'werkvorm.paused':
    'Gepauzeerd. Hervat wanneer je wilt, ook op een andere dag: de werkvorm blijft op deze stap.',
  'werkvorm.pausedParticipant': 'De werkvorm is gepauzeerd.',
  'werkvorm.backToStep': 'Terug naar de stap',
  'werkvorm.vote': 'Stemmen openen',
  'werkvorm.voteUnavailable': 'Stemmen met stippen is in deze versie nog niet beschikbaar.',
  'werkvorm.ended': 'Werkvorm afgerond. Bewaar de kaart zoals ze nu is als versie.',
  'werkvorm.endedParticipant': 'De werkvorm is afgerond. Bedankt om mee te doen!',
  'werkvorm.versionName': 'Na workshop {date, date, long}',
  'werkvorm.versionLabel': 'Naam van de versie',
  'werkvorm.saveVersion': 'Versie bewaren',
  'werkvorm.saved': 'Versie ‘{name}’ bewaard. Je vindt ze onder Versies.',
  'werkvorm.openVersions': 'Versies openen',
  'werkvorm.close': 'Werkvorm sluiten',
};
