/**
 * Result types of the API, shared by the backend and (as types only) by the renderer.
 */
import type { FunctionConfigInput } from '../../sandbox/config/function-config-schema.ts';
import type { Architecture, InvocationRecord, RuntimeId } from '../../sandbox/invocation/record.ts';
import type { QuizFeedbackView, QuizView } from '../../sandbox/course/quiz-view.ts';
import type { QuizAnswer } from '../../sandbox/course/quiz-schema.ts';

export type Language = 'ko' | 'en';
export type ThemeSetting = 'system' | 'light' | 'dark';

export interface AppInfo {
  name: string;
  version: string;
  /** `electron` inside the desktop shell, `browser` when served over HTTP on 127.0.0.1. */
  mode: 'electron' | 'browser';
  /** Where the progress database lives, so the learner can find or back it up. */
  databasePath: string;
  /**
   * Things the learner should be told about this start, in plain sentences (English), e.g. that a
   * damaged progress database was moved aside and a fresh one started. Usually empty.
   */
  notices: string[];
  /**
   * Set when the progress file could not be read at start: it was kept under another name and a
   * fresh, empty one started. The UI offers a backup to restore, or to carry on fresh. Null when
   * all was normal or the learner has already chosen.
   */
  recovery: RecoveryState | null;
}

/** A damaged progress file that was moved aside, and what the learner can do about it. */
export interface RecoveryState {
  /** Where the damaged file was kept (never deleted). */
  movedAside: string;
  /** Backups that could be restored instead, newest first. */
  backups: BackupInfo[];
}

/** One backup copy of the progress file. */
export interface BackupInfo {
  path: string;
  /** Why it was taken: `import`, `reset`, or `v<N>` (before migrating from schema N). */
  reason: string;
  /** ISO time. */
  createdAt: string;
}

export interface LessonSummary {
  /** Stable id from the lesson's front matter; progress is keyed by it, never by folder order. */
  id: string;
  /** Position in the course, from the folder name's number. */
  order: number;
  title: string;
  summary: string;
}

export interface LessonSource {
  title: string;
  url: string;
}

/**
 * A single-choice question as the learner sees it.
 * @deprecated Kept for sandbox/course/lesson-library.ts; the API serves every kind as {@link QuizView}.
 */
export interface QuizQuestionView {
  id: string;
  kind: 'single';
  prompt: string;
  choices: { id: string; text: string }[];
}

export interface Lesson extends LessonSummary {
  language: Language;
  /** Lesson body in Markdown (front matter removed). */
  markdown: string;
  sources: LessonSource[];
  /** The starter in `language`: the same code in every language, with comments for its learners. */
  starter: { filename: string; handler: string; code: string };
  /** Name of the event template the event editor starts with. */
  eventTemplate: string;
  /** Every question of every kind, without answer keys. */
  quiz: QuizView[];
}

export interface EventTemplateSummary {
  name: string;
  title: string;
  /** How AWS invokes a function for this source. */
  invocation: 'sync' | 'async' | 'polled';
}

export interface EventTemplate extends EventTemplateSummary {
  /** The event as pretty-printed JSON text, ready for the event editor. */
  json: string;
}

export interface Draft {
  lessonId: string;
  code: string;
  eventJson: string;
  /** ISO time of the last save. */
  savedAt: string;
}

/** The learner's answer to a question with its feedback (what `quiz.submit` and `quiz.answers` return). */
export interface AnsweredQuestion {
  lessonId: string;
  questionId: string;
  answer: QuizAnswer;
  /** ISO time of the answer. */
  answeredAt: string;
  /** Judged against today's answer key, in the requested language. */
  feedback: QuizFeedbackView;
  /** For numeric questions: the accepted distance from the answer, shown after answering; else null. */
  tolerance: number | null;
}

export interface Settings {
  /** `null` until the learner picks one: the UI then follows the system language. */
  language: Language | null;
  theme: ThemeSetting;
}

/** The fields of the configuration form, named as Lambda's API names them. */
export type ConfigField = 'memorySizeMB' | 'timeoutSeconds' | 'runtime' | 'architecture' | 'ephemeralStorageMB';

/**
 * Why a value is refused, as a stable code the UI translates (`message` is the English wording).
 * `environment` errors name the whole set (the 4 KB total); `environment.<i>` names row i.
 */
export interface ConfigFieldError {
  field: ConfigField | 'environment' | `environment.${number}` | 'layers' | `layers.${number}`;
  code:
    | 'not_number'
    | 'not_integer'
    | 'too_small'
    | 'too_big'
    | 'not_an_option'
    | 'bad_name'
    | 'duplicate_name'
    | 'env_too_large'
    | 'not_a_layer_arn'
    | 'too_many_layers'
    | 'unknown_layer'
    | 'same_layer_twice'
    | 'layers_too_large'
    | 'invalid';
  /**
   * The bound that was crossed, for too_small, too_big, env_too_large (MB, seconds or bytes),
   * too_many_layers (layers) and layers_too_large (bytes).
   */
  limit?: number;
  message: string;
}

/** What `config.validate` says about a configuration form. */
export interface ConfigValidation {
  ok: boolean;
  errors: ConfigFieldError[];
  /** Size of the function's own variables as Lambda counts it against the 4 KB quota. */
  environmentBytes: number;
  environmentLimitBytes: number;
  /** The configuration to pass to `invoke.run`, present when ok (blank variable rows dropped). */
  config?: FunctionConfigInput;
  /** What Lambda accepts but the learner should know (present when the form has layers). */
  warnings?: ConfigWarning[];
}

/**
 * An attached layer that does not list the function's runtime or architecture. Lambda attaches it
 * anyway (the lists only filter the console's choices); its code may fail when it runs.
 */
export interface ConfigWarning {
  field: `layers.${number}`;
  code: 'runtime_not_listed' | 'architecture_not_listed';
  arn: string;
  /** The function's runtime or architecture. */
  uses: string;
  /** What the layer lists. */
  declared: string[];
  message: string;
}

/** One file of a layer version, for the configuration panel's read-only viewer. */
export interface LayerFileView {
  /** Path inside the layer; it is extracted to /opt/<path>. */
  path: string;
  sizeBytes: number;
  /** The file's text; null for a large binary whose bytes Coldstart does not hold. */
  text: string | null;
}

/** A published layer version the learner can attach (one a lesson publishes). */
export interface LayerVersionView {
  name: string;
  version: number;
  arn: string;
  /** In the requested language; null when the layer has none. */
  description: string | null;
  /** What the publisher declared; null when nothing (then Lambda lists it for every runtime). */
  compatibleRuntimes: RuntimeId[] | null;
  compatibleArchitectures: Architecture[] | null;
  /** Unzipped size of all files, in bytes. */
  sizeBytes: number;
  files: LayerFileView[];
}

/** The choices and bounds of the configuration form, from sandbox/facts (no number typed twice). */
export interface ConfigOptions {
  runtimes: RuntimeId[];
  architectures: Architecture[];
  defaults: {
    memorySizeMB: number;
    timeoutSeconds: number;
    runtime: RuntimeId;
    architecture: Architecture;
    ephemeralStorageMB: number;
  };
  memoryMB: { min: number; max: number };
  timeoutSeconds: { min: number; max: number };
  ephemeralStorageMB: { min: number; max: number };
  environmentLimitBytes: number;
  /** Most layers per function (5). */
  layersMax: number;
  /** Function code and layers together, unzipped (250 MB), in bytes. */
  packageUnzippedMaxBytes: number;
}

/** The learner-readable documents about the simulator (sandbox/docs/<name>.<language>.md). */
export type SimulatorDocName = 'supported' | 'time-model';

export interface SimulatorDoc {
  name: SimulatorDocName;
  /**
   * `ok`: the document in the requested language; `other-language`: only the other language
   * exists yet; `fallback`: an older stand-in (sandbox/SUPPORTED.md); `missing`: not written yet.
   */
  status: 'ok' | 'other-language' | 'fallback' | 'missing';
  /** The language of `markdown`. */
  language: Language;
  /** The document's Markdown; empty when missing. */
  markdown: string;
  /** Where it was read from, relative to the app folder, e.g. `sandbox/docs/supported.en.md`. */
  source: string | null;
}

export type { InvocationRecord, QuizAnswer, QuizFeedbackView, QuizView };

/** A template parameter as the event picker's form shows it, with text in the requested language. */
export interface EventParameterView {
  name: string;
  label: string;
  /** Help shown under the field. */
  description: string;
  kind: 'string' | 'number' | 'boolean' | 'json' | 'enum';
  /** The default as the field's text (JSON parameters: pretty-printed JSON). */
  defaultText: string;
  /** The choices of an enum parameter; empty for other kinds. */
  options: string[];
  /** Number parameters: whole numbers only, and inclusive bounds. */
  integer?: boolean;
  min?: number;
  max?: number;
}

/** A template with its parameters, for the event picker's form. */
export interface EventTemplateDefinitionView extends EventTemplateSummary {
  /** The @types/aws-lambda type the event satisfies; null when there is none. */
  awsType: string | null;
  /** The AWS page the event's shape follows. */
  source: string;
  parameters: EventParameterView[];
}

/**
 * An event built from parameter values, or why not: buildEvent's message (which names the
 * parameter) and that parameter's name when the message names one of the template's.
 */
export type EventBuildResult = { ok: true; json: string } | { ok: false; message: string; parameter: string | null };
