/**
 * Spaced review with ts-fsrs. A question becomes a card the first time it is answered (missed:
 * rated Again; right: Good), so missed and learned questions both come back for review. The card's
 * whole state is kept as JSON; its due time is copied into an indexed column for `reviewDue`.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { ReviewCard, ReviewRating, StoreContext } from './progress-types.ts';

/** Fuzz off: the same answers on the same days give the same schedule (and tests can rely on it). */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

const GRADES: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const STATES: Record<State, ReviewCard['state']> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

interface CardRow {
  lesson_id: string;
  question_id: string;
  card_json: string;
  due: string;
  updated_at: string;
}

/** A stored card's JSON back into ts-fsrs's Card (dates were stored as ISO strings). */
export function parseCard(json: string): Card {
  const raw = JSON.parse(json) as Omit<Card, 'due' | 'last_review'> & { due: string; last_review?: string | null };
  const { last_review, ...rest } = raw;
  return { ...rest, due: new Date(raw.due), ...(last_review ? { last_review: new Date(last_review) } : {}) };
}

const toView = (row: CardRow): ReviewCard => {
  const card = parseCard(row.card_json);
  return {
    lessonId: row.lesson_id,
    questionId: row.question_id,
    due: row.due,
    state: STATES[card.state],
    reps: card.reps,
    lapses: card.lapses,
    stability: card.stability,
    difficulty: card.difficulty,
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
};

export function createReviewCards(ctx: StoreContext) {
  const { db } = ctx;
  const select = db.prepare('SELECT * FROM review_cards WHERE lesson_id = ? AND question_id = ?');
  const upsert = db.prepare(
    `INSERT INTO review_cards (lesson_id, question_id, card_json, due, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (lesson_id, question_id) DO UPDATE SET card_json = excluded.card_json, due = excluded.due, updated_at = excluded.updated_at`,
  );
  const due = db.prepare('SELECT * FROM review_cards WHERE due <= ? ORDER BY due, lesson_id, question_id LIMIT ?');
  const countDue = db.prepare('SELECT lesson_id, COUNT(*) AS n FROM review_cards WHERE due <= ? GROUP BY lesson_id');
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM review_cards');

  /** Applies one rating to the card (a new one when the question has none yet). Call in a transaction. */
  const rate = (lessonId: string, questionId: string, rating: ReviewRating, at: Date): ReviewCard => {
    const row = select.get(lessonId, questionId) as CardRow | undefined;
    const card = row ? parseCard(row.card_json) : createEmptyCard(at);
    const next = scheduler.next(card, at, GRADES[rating]).card;
    const dueIso = next.due.toISOString();
    const updatedAt = at.toISOString();
    upsert.run(lessonId, questionId, JSON.stringify(next), dueIso, updatedAt);
    return toView({
      lesson_id: lessonId,
      question_id: questionId,
      card_json: JSON.stringify(next),
      due: dueIso,
      updated_at: updatedAt,
    });
  };

  return {
    /** Makes a card for a question answered for the first time; later answers leave it to reviews. */
    cardFromAnswer(lessonId: string, questionId: string, correct: boolean, at: Date): void {
      if (!select.get(lessonId, questionId)) rate(lessonId, questionId, correct ? 'good' : 'again', at);
    },
    recordReview: db.transaction(
      (lessonId: string, questionId: string, rating: ReviewRating, at: Date = ctx.now()): ReviewCard => {
        ctx.touch();
        return rate(lessonId, questionId, rating, at);
      },
    ),
    /** Cards due at `now`, earliest first, across lessons. */
    reviewDue: (now: Date = ctx.now(), limit = 100): ReviewCard[] =>
      (due.all(now.toISOString(), limit) as CardRow[]).map(toView),
    /** How many cards are due at `now`, in total and per lesson, and how many exist. */
    reviewCounts: (now: Date = ctx.now()) => {
      const byLesson: Record<string, number> = {};
      let total = 0;
      for (const row of countDue.all(now.toISOString()) as { lesson_id: string; n: number }[]) {
        byLesson[row.lesson_id] = row.n;
        total += row.n;
      }
      return { due: total, cards: (countAll.get() as { n: number }).n, byLesson };
    },
    getCard: (lessonId: string, questionId: string): ReviewCard | null => {
      const row = select.get(lessonId, questionId) as CardRow | undefined;
      return row ? toView(row) : null;
    },
  };
}
