/** Dutch: working together and getting started: who types in a field, connection status, renewed links, a blank map, sharing in the room. */
export const collab = {
  'collab.editingField': '{name} typt hier',
  'collab.editingFieldMany': '{names} typen hier',
  'status.unreachable': 'server onbereikbaar',
  'status.revoked': 'link vernieuwd',
  'status.unauthorized': 'link ongeldig',
  'status.notFound': 'kaart niet op de server',
  'status.badRequest': 'verbinding geweigerd',
  'status.tooBig': 'niet op de server bewaard',
  'status.unreachableHint':
    'Er is netwerk, maar de server antwoordt niet. Je wijzigingen blijven op dit toestel en gaan mee zodra de server weer bereikbaar is.',
  'status.offlineHint':
    'Dit toestel heeft geen netwerk. Je wijzigingen blijven hier bewaard tot je weer online bent.',
  'revoked.bannerTitle': 'De links van deze kaart zijn vernieuwd: deze link werkt niet meer.',
  'revoked.banner':
    'Je ziet de kaart nu alleen-lezen. Wat je op dit toestel wijzigde, blijft hier bewaard. Vraag de eigenaar van de kaart om de nieuwe link en open die op dit toestel: dan gaan je wijzigingen mee.',
  'loading.firstSyncUnreachable':
    'De server is niet bereikbaar. De kaart wordt opgehaald zodra hij antwoordt.',
  'home.shared.revoked': 'Link vernieuwd · alleen lezen',
  'blankMap.title': 'Een lege kaart',
  'blankMap.hint': 'Begin links: klik of sleep een dienst, partner of doelgroep naar de kaart.',
  'blankMap.addPhases': 'Standaardfasen toevoegen',
  'shareBase.loopbackWarning':
    'Je opende KetenKaart via localhost. Een link met dat adres werkt alleen op deze computer, niet op de toestellen in de zaal.',
  'shareBase.pick': 'Maak de links met het netwerkadres van deze computer:',
  'shareBase.noAddresses':
    'De server vond geen netwerkadres. Open KetenKaart via het adres dat anderen gebruiken, of laat je beheerder PUBLIC_URL instellen.',
  'shareQr.edit': 'QR-code van de bewerkingslink',
  'shareQr.view': 'QR-code van de leeslink',
  'join.show': '“Doe mee” op groot scherm tonen',
  'join.title': 'Doe mee',
  'join.qrLabel': 'QR-code om mee te doen aan {title}',
  'join.how': 'Scan de code met je telefoon of tablet, of open de link op je laptop.',
  'join.close': 'Sluiten (Esc)',
} as const;
