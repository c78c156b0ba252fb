/**
 * The area's consent model in easy read: who says yes at each age, what
 * happens when a person cannot decide, and how "a choice" and "added
 * without consent" fit together. Shown by the consent block and the
 * professionals page; the form can use the same words.
 */
import type { ConsentModel } from '../area/schema.ts';
import type { ConsentDecider } from './deciders.ts';

/** Who decides, as the subject of a sentence: "Your parent or carer". */
export const DECIDER_WORDS: Record<ConsentDecider, string> = {
  'parent-or-carer': 'your parent or carer',
  'parent-or-legal-guardian': 'your parents or legal guardians',
  'best-interests-meeting': 'a best interests meeting',
};

interface ConsentPoint {
  picture: string;
  text: string;
}

interface ConsentSection {
  id: string;
  heading: string;
  points: ConsentPoint[];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function consentSections(model: ConsentModel): ConsentSection[] {
  const age = model.ownDecision.fromAge;
  return [olderSection(model, age), youngerSection(model, age), choiceSection(model)];
}

function olderSection(model: ConsentModel, age: number): ConsentSection {
  const points: ConsentPoint[] = [
    { picture: 'person', text: 'You can usually decide for yourself if you want to be on the DSR.' },
  ];
  const { decidedBy, assessment } = model.cannotDecide;
  if (assessment) {
    points.push(
      {
        picture: 'question',
        text: 'Sometimes a person may not be able to decide. A health or care worker checks this.',
      },
      { picture: 'document', text: 'This check is called a Mental Capacity Assessment.' },
    );
  } else {
    points.push({
      picture: 'question',
      text: 'Sometimes a person finds it hard to decide, because of their mental capacity.',
    });
  }
  if (decidedBy === 'best-interests-meeting') {
    points.push(
      { picture: 'people', text: 'If they cannot decide, people who know and care about them meet.' },
      { picture: 'agree', text: 'This best interests meeting decides if being on the DSR will help them.' },
    );
  } else {
    points.push({
      picture: 'family',
      text: `Then ${decidedBy === 'parent-or-carer' ? 'their parent or carer' : 'their parents or legal guardians'} can decide for them.`,
    });
  }
  return { id: 'consent-older', heading: `If you are ${age} or older`, points };
}

function youngerSection(model: ConsentModel, age: number): ConsentSection {
  const points: ConsentPoint[] = [
    { picture: 'family', text: `${capital(DECIDER_WORDS[model.younger.decidedBy])} can say yes for you.` },
  ];
  if (model.younger.gillick) {
    points.push(
      { picture: 'child', text: 'You may understand things well enough to decide for yourself.' },
      { picture: 'yes', text: 'This is called Gillick competence. Then you may be able to say yes yourself.' },
    );
  }
  return { id: 'consent-younger', heading: `If you are under ${age}`, points };
}

/** "A choice" and "added without consent" are always explained together. */
function choiceSection(model: ConsentModel): ConsentSection {
  const others =
    model.cannotDecide.decidedBy === model.younger.decidedBy
      ? DECIDER_WORDS[model.younger.decidedBy].replace(/^your /, 'their ')
      : 'someone else';
  const points: ConsentPoint[] = [
    model.choice
      ? {
          picture: 'thumbs-up',
          text: `Being on the DSR is a choice. The person makes it, or ${others} make it for them.`,
        }
      : { picture: 'thumbs-up', text: 'Usually, the person decides if they go on the DSR.' },
  ];
  if (model.cannotDecide.decidedBy === 'best-interests-meeting') {
    points.push({ picture: 'people', text: 'If they cannot decide, a best interests meeting may decide to add them.' });
  }
  if (model.keepingSafe) {
    points.push(
      { picture: 'shield', text: 'Sometimes a person is in danger, or other people may be at risk.' },
      {
        picture: 'law',
        text: 'Then data protection law lets the team add them without consent, to keep everyone safe.',
      },
    );
  }
  return {
    id: 'consent-choice',
    heading: model.keepingSafe ? 'A choice, and keeping people safe' : 'A choice',
    points,
  };
}
