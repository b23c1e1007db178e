/** Dutch: what a screen reader says for the cards and links of the canvas. */
export const canvasNames = {
  linkName: '{kind} van {from} naar {to}',
  linkOwner: 'Eigenaar: {owner}',
  inPhase: 'fase {phase}',
  noPhase: 'buiten de fasen',
  quickWins: { one: '1 quick-win', other: '{count, number} quick-wins' },
  gaps: { one: '1 knelpunt', other: '{count, number} knelpunten' },
  actions: { one: '1 actie', other: '{count, number} acties' },
  'role.actor': 'actor',
  'role.note': 'notitie',
  'role.link': 'verbinding',
} as const;
