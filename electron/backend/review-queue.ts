/**
 * Which review cards are due now. FSRS (ts-fsrs) schedules a missed question 1 minute ahead (its
 * first learning step) and a right first answer 10 minutes ahead. Like Anki's "learn ahead limit"
 * (default 20 minutes), cards still in learning are served a little early, so a question missed in
 * a lesson is ready to review at once; the limit here is 3 minutes, shorter than Anki's, so a
 * question just answered right (10 minutes) is not asked again straight away.
 */
import type { LessonLibrary } from '../../sandbox/course/lesson-library.ts';
import { toQuizView } from '../../sandbox/course/quiz-view.ts';
import type { ReviewItem, ReviewQueue } from '../api/learning-types.ts';
import type { Language } from '../api/types.ts';
import type { ReviewCard } from '../store/progress-types.ts';
import type { ProgressStore } from '../store/progress-store.ts';

/** How early a learning card may be reviewed, in ms (see above). */
export const LEARN_AHEAD_MS = 3 * 60_000;

/** Read at most this many cards; far more than a learner of this course can have. */
const CARD_LIMIT = 10_000;
// Due times are compared as ISO text: a year past 9999 would be written "+010000-..." and sort first.
const END_OF_TIME = new Date('9999-12-31T23:59:59.999Z');

const isDue = (card: ReviewCard, now: Date): boolean => {
  const due = Date.parse(card.due);
  if (due <= now.getTime()) return true;
  const learning = card.state === 'learning' || card.state === 'relearning';
  return learning && due <= now.getTime() + LEARN_AHEAD_MS;
};

/** The cards due at `now` whose lesson and question still exist, earliest first. */
export function reviewQueue(
  store: ProgressStore,
  library: LessonLibrary,
  language: Language,
  now: Date = new Date(),
): ReviewQueue {
  const items: ReviewItem[] = [];
  const byLesson: Record<string, number> = {};
  let cards = 0;
  let nextDue: string | null = null;
  for (const card of store.reviewDue(END_OF_TIME, CARD_LIMIT)) {
    const lesson = library.lesson(card.lessonId);
    const question = lesson?.quiz.find((q) => q.id === card.questionId);
    // Cards of removed lessons or questions stay stored (a later version may bring them back) but are not served.
    if (!lesson || !question) continue;
    cards += 1;
    if (!isDue(card, now)) {
      if (nextDue === null || card.due < nextDue) nextDue = card.due;
      continue;
    }
    byLesson[lesson.id] = (byLesson[lesson.id] ?? 0) + 1;
    items.push({
      lessonId: lesson.id,
      lessonTitle: lesson.text[language].title,
      question: toQuizView(question, language),
      due: card.due,
      state: card.state,
    });
  }
  return { items, due: items.length, byLesson, cards, nextDue };
}
