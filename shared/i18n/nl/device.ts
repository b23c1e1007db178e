/** Dutch: what the app says about this device's storage. */
export const device = {
  storageRefusedTitle: 'Je browser belooft niet dat hij je kaarten bewaart.',
  storageRefusedLocal:
    'Kaarten die alleen op dit toestel staan, mag hij wissen als de schijf vol raakt. Deel de kaart: dan bewaart de server een kopie.',
  storageRefusedShared:
    'Deze kaart is gedeeld, dus de server bewaart een kopie. Wijzigingen die je offline maakt, staan tot de volgende verbinding alleen op dit toestel.',
  shareMap: 'Op de server bewaren',
  understood: 'Begrepen',
} as const;
