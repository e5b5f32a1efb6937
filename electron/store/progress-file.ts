/**
 * The export file: all progress as versioned JSON, validated with zod on import. Rows carry the
 * stable ids they are merged by and the times that decide which copy of a row is newer.
 */
import { z } from 'zod';
import { quizAnswerSchema } from '../../sandbox/course/quiz-schema.ts';

/** The format version this build writes; a file with a higher one is refused, never half-read. */
export const PROGRESS_FILE_VERSION = 1;
export const PROGRESS_FILE_FORMAT = 'coldstart-progress';

const iso = z.iso.datetime({ offset: true, message: 'an ISO date-time' });
const id = z.string().min(1).max(200);
const nullableIso = iso.nullable();

const cardSchema = z
  .object({
    due: iso,
    stability: z.number().finite(),
    difficulty: z.number().finite(),
    elapsed_days: z.number().finite(),
    scheduled_days: z.number().finite(),
    learning_steps: z.number().finite(),
    reps: z.number().int().nonnegative(),
    lapses: z.number().int().nonnegative(),
    state: z.number().int().min(0).max(3),
    last_review: iso.nullable().optional(),
  })
  // ts-fsrs may add fields in a minor version; they are kept as they are.
  .loose();

export const progressFileSchema = z
  .object({
    format: z.literal(PROGRESS_FILE_FORMAT),
    version: z.literal(PROGRESS_FILE_VERSION),
    exportedAt: iso,
    settings: z.array(z.object({ key: id, value: z.json(), updatedAt: iso }).strict()),
    lessons: z.array(
      z
        .object({
          lessonId: id,
          status: z.enum(['started', 'completed']),
          startedAt: iso,
          completedAt: nullableIso,
          solutionRevealedAt: nullableIso,
          updatedAt: iso,
        })
        .strict(),
    ),
    drafts: z.array(z.object({ lessonId: id, code: z.string(), eventJson: z.string(), savedAt: iso }).strict()),
    exerciseAttempts: z.array(
      z
        .object({
          id,
          lessonId: id,
          code: z.string(),
          results: z.array(z.object({ taskId: id, passed: z.boolean(), message: z.string().nullable() }).strict()),
          passed: z.boolean(),
          attemptedAt: iso,
        })
        .strict(),
    ),
    hints: z.array(
      z.object({ lessonId: id, taskId: id, revealed: z.number().int().nonnegative(), updatedAt: iso }).strict(),
    ),
    quizAttempts: z.array(
      z
        .object({ id, lessonId: id, questionId: id, answer: quizAnswerSchema, correct: z.boolean(), answeredAt: iso })
        .strict(),
    ),
    reviewCards: z.array(
      z.object({ lessonId: id, questionId: id, card: cardSchema, due: iso, updatedAt: iso }).strict(),
    ),
    activityDays: z.array(
      z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), events: z.number().int().nonnegative() }).strict(),
    ),
  })
  .strict();
export type ProgressFile = z.infer<typeof progressFileSchema>;

/** The file cannot be imported; nothing was changed. */
export class ProgressImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressImportError';
  }
}

/**
 * Parses and validates an export file's text.
 * @throws ProgressImportError saying what is wrong (not JSON, another format, a newer version, a bad field).
 */
export function parseProgressFile(text: string): ProgressFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ProgressImportError(`The file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const head = data as { format?: unknown; version?: unknown } | null;
  if (head === null || typeof head !== 'object' || head.format !== PROGRESS_FILE_FORMAT) {
    throw new ProgressImportError(
      'The file is not a Coldstart progress export (its "format" is not "coldstart-progress").',
    );
  }
  if (typeof head.version === 'number' && head.version > PROGRESS_FILE_VERSION) {
    throw new ProgressImportError(
      `The file was exported by a newer version of Coldstart (format version ${head.version}; this version reads up to ${PROGRESS_FILE_VERSION}). Update Coldstart to import it.`,
    );
  }
  const result = progressFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.map(String).join('.') || '(top level)';
    throw new ProgressImportError(
      `The file does not have the expected shape at ${where}: ${issue?.message ?? 'invalid'}` +
        (result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : ''),
    );
  }
  return result.data;
}
