import type { Translation } from '../catalogue';
import type { werkvorm as nl } from '../nl/werkvorm';

/** English: the four-step method ("Werkvorm") as a guided session. */
export const werkvorm: Translation<typeof nl> = {
  'werkvorm.start': 'Start the method',
  'werkvorm.startHint':
    'The four steps of the chain approach as a guided session: everyone follows the step.',
  'werkvorm.title': 'Method',
  'werkvorm.stepOf': 'Step {number} of {total}',
  'werkvorm.steps': 'Steps of the method',
  'werkvorm.step.interneAnalyse': 'Internal analysis',
  'werkvorm.step.interneAnalyse.prompt':
    'Who arrives in our municipality, and with which needs? Look at the target groups and where a route is missing.',
  'werkvorm.step.gecoordineerdeAanpak': 'Coordinated approach',
  'werkvorm.step.gecoordineerdeAanpak.prompt':
    'Who does what? Every service and partner with its responsibility. Who stands alone, and where does everything hang on one link?',
  'werkvorm.step.lokaleRegie': 'Local steering',
  'werkvorm.step.lokaleRegie.prompt':
    'What do we do ourselves, what in partnership, what supra-locally and what inter-municipally? Give every actor and action its steering.',
  'werkvorm.step.stapPerStap': 'Step by step',
  'werkvorm.step.stapPerStap.prompt':
    'Quick wins first. Dot-vote on the gaps and quick wins, and give every action an owner and a date.',
  'werkvorm.findings': {
    one: '{count} analysis finding for this step',
    other: '{count} analysis findings for this step',
  },
  'werkvorm.timer': 'Timer {minutes} min',
  'werkvorm.timerHint': 'Starts the workshop timer with this step’s suggested duration.',
  'werkvorm.previous': 'Previous step',
  'werkvorm.next': 'Next step',
  'werkvorm.finish': 'Finish the method',
  'werkvorm.pause': 'Pause the method',
  'werkvorm.resume': 'Resume the method',
  'werkvorm.paused': 'Paused. Resume whenever you like, also on another day: the method stays at this step.',
  'werkvorm.pausedParticipant': 'The method is paused.',
  'werkvorm.backToStep': 'Back to the step',
  'werkvorm.vote': 'Open voting',
  'werkvorm.voteUnavailable': 'Dot voting is not available in this version yet.',
  'werkvorm.ended': 'Method finished. Save the map as it is now as a version.',
  'werkvorm.endedParticipant': 'The method is finished. Thank you for taking part!',
  'werkvorm.versionName': 'After workshop {date, date, long}',
  'werkvorm.versionLabel': 'Version name',
  'werkvorm.saveVersion': 'Save version',
  'werkvorm.saved': 'Version ‘{name}’ saved. You find it under Versions.',
  'werkvorm.openVersions': 'Open versions',
  'werkvorm.close': 'Close the method',
};
