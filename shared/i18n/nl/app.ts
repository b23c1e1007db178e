/** Dutch: The app shell: name, language switch, sync status, errors and loading. */
export const app = {
  'app.name': 'KetenKaart',
  'app.tagline': 'Breng samen de ketenaanpak voor nieuwe inwoners in kaart',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',
  'status.offline': 'offline',
  'status.connecting': 'verbinden…',
  'status.syncing': 'synchroniseren…',
  'status.saved': 'opgeslagen',
  'status.local': 'alleen op dit toestel',
  'status.busy': 'server is even vol – opnieuw proberen…',
  'status.invalidContent': 'wijziging geweigerd',
  'status.quarantined': 'kaart afgezonderd',
  'status.rateLimited': 'te veel berichten',
  'status.invalidFromServer': 'ongeldig van de server',
  'status.label': 'Synchronisatiestatus',
  'error.unauthorized':
    'Deze link is ongeldig. Controleer of je de volledige link hebt gekopieerd, of vraag een nieuwe link.',
  'error.revoked':
    'Deze link werkt niet meer: de links van deze kaart zijn vernieuwd. Vraag de eigenaar van de kaart om een nieuwe link.',
  'error.notFound': 'Deze kaart bestaat niet (meer) op de server.',
  'error.badRequest': 'De server weigerde de verbinding. Vraag een nieuwe link.',
  'error.tooBig': 'De kaart is te groot voor de server. Je wijzigingen blijven op dit toestel bewaard.',
  'error.invalidContent':
    'De server weigerde een wijziging omdat ze niet in een KetenKaart past. Je wijzigingen blijven op dit toestel bewaard. Laad de pagina opnieuw; blijft het gebeuren, neem dan contact op met de beheerder.',
  'error.quarantined':
    'De server heeft deze kaart tijdelijk afgezonderd omdat ze te zwaar werd om te verwerken. Je wijzigingen blijven op dit toestel bewaard. Probeer het later opnieuw of neem contact op met de beheerder.',
  'error.rateLimited':
    'Er werden te veel berichten tegelijk verstuurd. Je wijzigingen blijven op dit toestel bewaard. Laad de pagina opnieuw.',
  'error.invalidFromServer':
    'De server stuurde iets wat niet in een KetenKaart past; het werd niet overgenomen en de verbinding is verbroken. Je kaart op dit toestel blijft zoals ze was. Neem contact op met de beheerder.',
  'error.localInvalid':
    'Een deel van deze kaart op dit toestel past niet in een KetenKaart en werd niet geladen. De rest van de kaart werkt gewoon; het bewaarde deel wordt niet gewist.',
  'error.schemaNewer':
    'Deze kaart werd gemaakt met een nieuwere versie van KetenKaart. Je kan ze bekijken, maar niet bewerken. Laad de pagina opnieuw of vraag je beheerder om KetenKaart bij te werken.',
  'error.storage': 'Kon de kaart niet op dit toestel opslaan: {message}',
  'error.server': 'De server antwoordde niet zoals verwacht ({status}). Probeer het later opnieuw.',
  'error.network': 'Geen verbinding met de server. Probeer het opnieuw wanneer je online bent.',
  'error.mapMissing': 'Deze kaart staat niet op dit toestel.',
  'error.backHome': 'Terug naar Mijn kaarten',
  'loading.map': 'Kaart openen…',
  'loading.firstSync': 'De kaart wordt voor het eerst opgehaald van de server…',
  'loading.firstSyncOffline': 'Je bent offline. De kaart wordt opgehaald zodra er verbinding is.',
  'update.available': 'Nieuwe versie beschikbaar — herladen',
} as const;
