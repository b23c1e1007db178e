import type { Translation } from '../catalogue';
import type { statement as nl } from '../nl/statement';

/** English: the accessibility statement page. */
export const statement: Translation<typeof nl> = {
  link: 'Accessibility',
  back: 'Back to My maps',
  title: 'Accessibility statement',
  intro:
    'KetenKaart aims to be usable by everyone: with a mouse, a keyboard or a screen reader, on a large screen or a laptop. A Flemish local government that offers KetenKaart must, under the Flemish Administrative Decree of 7 December 2018 (which transposes Directive (EU) 2016/2102), meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, following the harmonised standard EN 301 549.',
  statusTitle: 'Compliance status',
  status:
    'KetenKaart is partially compliant with WCAG 2.1 level AA. The parts below do not comply yet or have not been fully tested.',
  limitationsTitle: 'What is not accessible yet',
  limitationDiagram:
    'The map itself is a diagram. The ‘List’ view shows the same actors, links and notes as text and lets you edit them.',
  limitationPictures:
    'An exported picture (PNG or SVG) of the map has no text alternative. Use the data export (XLSX, CSV or JSON) or the Ketenplan for the content as text.',
  limitationPrint:
    'The Ketenplan and the printed map are made into a PDF by the browser; that PDF has no accessible structure (tags).',
  limitationPresence:
    'Other participants’ cursors and colours are visual only; their names are in the ‘Present’ list.',
  limitationScreenReader:
    'KetenKaart is tested automatically (axe-core, in every build) and with the keyboard, but not yet by hand with a screen reader.',
  howTitle: 'How this statement was prepared',
  how: 'Self-assessment by the development team. Every version is checked automatically against the WCAG 2.1 A and AA criteria a program can test, on every screen of the application; what a program cannot judge is listed in the project documentation (docs/accessibility.md).',
  reportTitle: 'Reporting a problem',
  report:
    'Stuck, or missing information? Tell the organisation that offers this KetenKaart (usually your municipality or the network’s coordinator). It gives its contact details in its own accessibility statement and answers within a reasonable time.',
  enforcementTitle: 'Enforcement',
  enforcement:
    'If a Flemish public body or local government does not answer, or its answer does not satisfy you, you can turn to the Flemish Ombudsman (Vlaamse Ombudsdienst).',
};
