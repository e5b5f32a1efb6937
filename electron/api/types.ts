/**
 * Result types of the API, shared by the backend and (as types only) by the renderer.
 */
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';

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

/** A quiz question as the learner sees it: the answer key stays in the backend. */
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
  starter: { filename: string; handler: string; code: string };
  /** Name of the event template the event editor starts with. */
  eventTemplate: string;
  quiz: QuizQuestionView[];
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

export interface QuizAnswerResult {
  questionId: string;
  choiceId: string;
  correct: boolean;
  correctChoiceId: string;
  /** Why the right answer is right, in the requested language (Markdown). */
  explanation: string;
  answeredAt: string;
}

export interface Settings {
  /** `null` until the learner picks one: the UI then follows the system language. */
  language: Language | null;
  theme: ThemeSetting;
}

export type { InvocationRecord };
