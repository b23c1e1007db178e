/** Dutch: The phases panel. */
export const phases = {
  'phases.title': 'Fasen',
  'phases.intro':
    'De fasen lopen van aankomst tot participatie. Sleep een fase of gebruik de pijlen om de volgorde te wijzigen.',
  'phases.introReadOnly': 'De fasen van de keten, van aankomst tot participatie.',
  'phases.name': 'Naam van fase {index}',
  'phases.dragHint': 'Slepen om te verplaatsen',
  'phases.actorCount': { one: '1 actor in deze fase', other: '{count} actoren in deze fase' },
  'phases.moveUp': '‘{label}’ naar voren',
  'phases.moveDown': '‘{label}’ naar achteren',
  'phases.moved': '‘{label}’ staat nu op plaats {position}.',
  'phases.remove': '‘{label}’ verwijderen',
  'phases.removeTitle': 'Fase verwijderen',
  'phases.removeConfirm': {
    one: 'Fase ‘{label}’ verwijderen? De actor in deze fase blijft op de kaart staan, maar hoort dan bij geen fase meer.',
    other:
      'Fase ‘{label}’ verwijderen? De {count} actoren in deze fase blijven op de kaart staan, maar horen dan bij geen fase meer.',
  },
  'phases.removeButton': 'Fase verwijderen',
  'phases.newName': 'Nieuwe fase',
  'phases.none': 'Deze kaart heeft nog geen fasen.',
} as const;
