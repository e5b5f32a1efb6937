/**
 * The one API definition: method -> zod argument schema -> result type.
 * The preload, the IPC handlers, the HTTP routes of browser mode and the renderer client are all
 * derived from this map (see electron/api/dispatch.ts and renderer/lib/api-client.ts).
 * Add a method here and implement it in electron/backend/; nothing else needs writing twice.
 */
import { z } from 'zod';
import { functionConfigSchema } from '../../sandbox/config/function-config-schema.ts';
import { quizAnswerSchema } from '../../sandbox/course/quiz-schema.ts';
import { SYNC_PAYLOAD_MAX_BYTES } from '../../sandbox/facts/limits.ts';
import type {
  ExerciseCheckResult,
  ExerciseSolution,
  ExerciseState,
  HintsRevealed,
  ProgressDashboardView,
  ProgressExport,
  ProgressImportResult,
  ProgressResetResult,
  ProgressRestoreResult,
  ReviewQueue,
  ReviewRecorded,
} from './learning-types.ts';
import type {
  AnsweredQuestion,
  AppInfo,
  BackupInfo,
  ConfigOptions,
  ConfigValidation,
  Draft,
  EventBuildResult,
  EventTemplate,
  EventTemplateDefinitionView,
  EventTemplateSummary,
  InvocationRecord,
  LayerVersionView,
  Lesson,
  LessonSummary,
  QuizView,
  Settings,
  SimulatorDoc,
} from './types.ts';
import type { LessonProgress } from '../store/progress-types.ts';
import { costEstimateArgs, fleetSimulateArgs, tuneRunArgs } from './playground-schemas.ts';
import type { CostEstimate, FleetRun, PlaygroundOptions, TuneResult } from './playground-types.ts';
import { scenarioRunArgs, scenarioName } from './scenario-schemas.ts';
import type { ScenarioExample, ScenarioResult, ScenarioSource } from './scenario-types.ts';

/** A method's definition: its argument schema and (as a type only) what it returns. */
export interface MethodDef<A extends z.ZodType, R> {
  args: A;
  /** Never read at run time: carries the result type for the derived clients. */
  result?: R;
}

const method =
  <R>() =>
  <A extends z.ZodType>(args: A): MethodDef<A, R> => ({ args });

const language = z.enum(['ko', 'en']);
const noArgs = z.object({}).strict();
/**
 * The configuration form as the learner filled it in: anything may be wrong (an empty number field
 * arrives as null), so `config.validate` takes it loosely and explains each refusal instead of
 * failing the call. Environment variables are rows, so a repeated or blank name can be pointed at.
 */
const configDraft = z
  .object({
    memorySizeMB: z.unknown(),
    timeoutSeconds: z.unknown(),
    runtime: z.unknown(),
    architecture: z.unknown(),
    ephemeralStorageMB: z.unknown(),
    environment: z
      .array(z.object({ key: z.string().max(1024), value: z.string().max(64 * 1024) }).strict())
      .max(500, 'at most 500 environment variable rows'),
    /** Layer version ARNs in order; more than 5 is refused as a field, in Lambda's words. */
    layers: z.array(z.string().max(2048)).max(50, 'at most 50 layer rows'),
  })
  .partial()
  .strict();

const lessonId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a lesson id is lowercase letters, digits and dashes');
const questionId = z.string().min(1).max(100);
const taskId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a task id is lowercase letters, digits and dashes');
/** Destructive methods take `confirm: true`, so nothing is wiped by a stray or replayed call. */
const confirmed = z.literal(true, { error: 'confirm with `confirm: true` (the UI asks the learner first)' });

export const api = {
  'app.info': method<AppInfo>()(noArgs),

  'lessons.list': method<LessonSummary[]>()(z.object({ language }).strict()),
  'lessons.get': method<Lesson>()(z.object({ id: lessonId, language }).strict()),

  'events.list': method<EventTemplateSummary[]>()(noArgs),
  'events.get': method<EventTemplate>()(z.object({ name: z.string().min(1).max(100) }).strict()),
  /** A template's parameters (labels and help in `language`) for the event picker's form. */
  'events.definition': method<EventTemplateDefinitionView>()(
    z.object({ name: z.string().min(1).max(100), language }).strict(),
  ),
  /** Builds a template's event from parameter values given as text; a bad value is a result naming it. */
  'events.build': method<EventBuildResult>()(
    z
      .object({
        name: z.string().min(1).max(100),
        params: z.record(z.string().max(100), z.string().max(1024 * 1024)),
        language,
      })
      .strict(),
  ),

  /** Runs a handler once in a fresh or warm environment of this session; the event is JSON text. */
  'invoke.run': method<InvocationRecord>()(
    z
      .object({
        /** Which editor session this is: environments are kept warm per session. */
        sessionId: z.string().min(1).max(100),
        filename: z.string().regex(/^[\w.-]+\.(mjs|cjs|js|ts)$/, 'the handler file must end in .mjs, .cjs, .js or .ts'),
        handler: z
          .string()
          .regex(/^[\w.-]+\.[A-Za-z_$][\w$]*$/, 'the handler setting is file.export, e.g. index.handler'),
        code: z.string().max(5 * 1024 * 1024, 'the handler code is larger than 5 MB'),
        eventJson: z.string(),
        config: functionConfigSchema.default({}),
        forceColdStart: z.boolean().default(false),
      })
      .strict(),
  ),

  /** Choices, defaults and bounds for the configuration form. */
  'config.options': method<ConfigOptions>()(noArgs),
  /** Checks a configuration form as Lambda's API would; refusals are results, not failures. */
  'config.validate': method<ConfigValidation>()(z.object({ config: configDraft }).strict()),
  /**
   * The layer versions the learner can attach: a lesson's (with `lessonId`) or every lesson's,
   * with their files for the read-only viewer.
   */
  'layers.list': method<LayerVersionView[]>()(z.object({ lessonId: lessonId.optional(), language }).strict()),

  /** A learner-readable document about the simulator, in the requested language when written. */
  'docs.get': method<SimulatorDoc>()(z.object({ name: z.enum(['supported', 'time-model']), language }).strict()),

  'drafts.get': method<Draft | null>()(z.object({ lessonId }).strict()),
  'drafts.save': method<Draft>()(
    z
      .object({ lessonId, code: z.string().max(5 * 1024 * 1024), eventJson: z.string().max(SYNC_PAYLOAD_MAX_BYTES) })
      .strict(),
  ),

  /** Every question of a lesson, of every kind, without answer keys. */
  'quiz.list': method<QuizView[]>()(z.object({ lessonId, language }).strict()),
  /** Grades an answer of any kind (predict-the-output runs the snippet), stores it, and explains it. */
  'quiz.submit': method<AnsweredQuestion>()(
    z.object({ lessonId, questionId, answer: quizAnswerSchema, language }).strict(),
  ),
  /** The learner's latest answer to each question of a lesson, with feedback in `language`. */
  'quiz.answers': method<AnsweredQuestion[]>()(z.object({ lessonId, language }).strict()),

  /** Marks a lesson started (opening it) or completed; never moves a completed lesson back. */
  'lessons.setStatus': method<LessonProgress>()(
    z.object({ lessonId, status: z.enum(['started', 'completed']) }).strict(),
  ),

  /** The lesson's exercise (tasks and starter in `language`) and the learner's progress; null when it has none. */
  'exercise.get': method<ExerciseState | null>()(z.object({ lessonId, language }).strict()),
  /** Runs the exercise's checks on `code`, stores the attempt, and completes the lesson when all pass. */
  'exercise.check': method<ExerciseCheckResult>()(
    z
      .object({ lessonId, code: z.string().max(5 * 1024 * 1024, 'the handler code is larger than 5 MB'), language })
      .strict(),
  ),
  /** Reveals a task's hints up to `count` (one more than shown: hints come one at a time). */
  'exercise.revealHint': method<HintsRevealed>()(
    z.object({ lessonId, taskId, count: z.number().int().min(1).max(50), language }).strict(),
  ),
  /** The solution in `language`: given once the exercise passes, earlier only with `confirm: true`. */
  'exercise.solution': method<ExerciseSolution>()(
    z.object({ lessonId, confirm: z.boolean().default(false), language }).strict(),
  ),

  /** Questions due for spaced review across lessons. */
  'review.due': method<ReviewQueue>()(z.object({ language }).strict()),
  /** Rates a reviewed question (answer it with quiz.submit first); a wrong latest answer allows only `again`. */
  'review.record': method<ReviewRecorded>()(
    z.object({ lessonId, questionId, rating: z.enum(['again', 'hard', 'good', 'easy']) }).strict(),
  ),

  'progress.dashboard': method<ProgressDashboardView>()(z.object({ language }).strict()),
  /** All progress as the text of a JSON file. */
  'progress.export': method<ProgressExport>()(noArgs),
  /** Merges an exported file into this store (a backup is taken first) and says what changed. */
  'progress.import': method<ProgressImportResult>()(
    z.object({ json: z.string().max(100 * 1024 * 1024, 'the file is larger than 100 MB') }).strict(),
  ),
  'progress.resetLesson': method<ProgressResetResult>()(z.object({ lessonId, confirm: confirmed }).strict()),
  /** Removes all progress but the settings; a backup is taken first. */
  'progress.resetAll': method<ProgressResetResult>()(z.object({ confirm: confirmed }).strict()),
  'progress.backups': method<BackupInfo[]>()(noArgs),
  /** Puts a backup (one of `progress.backups` or the recovery's) in place of the progress file. */
  'progress.restore': method<ProgressRestoreResult>()(
    z.object({ path: z.string().min(1).max(4096), confirm: confirmed }).strict(),
  ),
  /** The learner keeps the fresh progress file after a damaged one was moved aside. */
  'progress.keepFresh': method<AppInfo>()(noArgs),

  /** Defaults and bounds of the playground's forms (server price with its source, tuning sizes). */
  'playground.options': method<PlaygroundOptions>()(noArgs),
  /** A month's bill from a per-invocation profile; with `compare`, the server break-even too. */
  'cost.estimate': method<CostEstimate>()(costEstimateArgs),
  /** Power tuning: the handler at several memory sizes, with the cost/speed/balanced pick. */
  'tune.run': method<TuneResult>()(tuneRunArgs),
  /** Puts a load pattern on the handler over virtual time: environments, throttles, latency, bill. */
  'fleet.simulate': method<FleetRun>()(fleetSimulateArgs),

  /** The bundled example scenarios, titled and described in `language`. */
  'scenario.list': method<ScenarioExample[]>()(z.object({ language }).strict()),
  /** An example scenario's YAML text, for the editor. */
  'scenario.get': method<ScenarioSource>()(z.object({ name: scenarioName }).strict()),
  /** Runs an example (`name`) or the learner's edited text (`text`); an invalid scenario names each bad path. */
  'scenario.run': method<ScenarioResult>()(scenarioRunArgs),

  'settings.get': method<Settings>()(noArgs),
  'settings.set': method<Settings>()(
    z
      .object({ language: language.nullable(), theme: z.enum(['system', 'light', 'dark']) })
      .partial()
      .strict(),
  ),
} as const;

export type Api = typeof api;
export type ApiMethod = keyof Api;
/** What a caller passes (defaults may be omitted). */
export type ApiArgs<M extends ApiMethod> = z.input<Api[M]['args']>;
/** What a handler receives (defaults filled in, validated). */
export type ApiParsedArgs<M extends ApiMethod> = z.output<Api[M]['args']>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema; only R is inferred
export type ApiReturn<M extends ApiMethod> = Api[M] extends MethodDef<any, infer R> ? R : never;

export const API_METHODS = Object.keys(api) as ApiMethod[];

export const isApiMethod = (name: unknown): name is ApiMethod =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
