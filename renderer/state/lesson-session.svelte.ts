/**
 * Everything the lesson page works on for one lesson: its text (reloaded per language), the
 * learner's code and event (loaded once: the saved draft, else the starter in the current language
 * and the lesson's event template), autosave, the runner, the exercise and the quiz. Switching
 * language reloads the text, the exercise's tasks and the quiz explanations. The learner's code
 * stays as it is, with one exception that loses nothing: while the learner has changed nothing
 * (no saved draft, no edit to the code or the event), the editor shows the starter of the new
 * language, since its comments are all that differ.
 */
import type { EventTemplateSummary, Language, Lesson } from '../../electron/api/types.ts';
import { api } from '../lib/api-client.ts';
import { emitAppEvent } from '../lib/app-events.ts';
import { savesSettled } from '../lib/pending-saves.ts';
import { DraftAutosave } from './draft-autosave.svelte.ts';
import { ExerciseSession } from './exercise.svelte.ts';
import { configFormFor, type FunctionConfigForm } from './function-config.svelte.ts';
import { i18n } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';
import { QuizState } from './quiz.svelte.ts';
import { Runner } from './runner.svelte.ts';

export class LessonSession {
  readonly lessonId: string;
  lesson = $state.raw<Lesson | null>(null);
  /** Set when the lesson itself could not be loaded (the page shows it instead of the lesson). */
  loadError = $state<string | null>(null);
  /** The workspace; undefined until the draft or starter is known, so editors open with real text. */
  code = $state<string | undefined>(undefined);
  eventJson = $state<string | undefined>(undefined);
  templates = $state.raw<EventTemplateSummary[]>([]);
  readonly autosave: DraftAutosave;
  readonly runner: Runner;
  readonly quiz: QuizState;
  readonly exercise: ExerciseSession;
  /** The code before the last "reset to starter", for undo; null when there is nothing to undo. */
  codeBeforeReset = $state<string | null>(null);
  /** Memory, timeout, runtime... for this lesson's runs; kept while the app runs. */
  readonly config: FunctionConfigForm;
  #textRequest = 0;
  /**
   * The starter the editor shows while the learner has changed nothing, so it can follow the
   * language; null once the code or the event is the learner's (a draft, an edit, a reset).
   */
  #untouchedStarter: string | null = null;
  /** The draft/starter load, started once per lesson whatever the language does meanwhile. */
  #workspace: Promise<void> | undefined;
  #markedStarted = false;

  constructor(lessonId: string) {
    this.lessonId = lessonId;
    this.autosave = new DraftAutosave(lessonId);
    this.runner = new Runner(lessonId);
    this.quiz = new QuizState(lessonId);
    this.exercise = new ExerciseSession(lessonId);
    this.config = configFormFor(lessonId);
  }

  /** Loads (or reloads, after a language switch) the lesson text and quiz answers. */
  async loadText(language: Language): Promise<void> {
    const request = ++this.#textRequest;
    const [lesson] = await Promise.all([
      api['lessons.get']({ id: this.lessonId, language }),
      this.quiz.load(language),
      this.exercise.load(language),
    ]);
    // The learner switched language again while this was loading: the newer request wins.
    if (request !== this.#textRequest) return;
    if (!lesson.ok) {
      this.loadError = lesson.error.message;
      notices.show(i18n.t('errors.loadLesson'), lesson.error);
      return;
    }
    this.loadError = null;
    this.lesson = lesson.value;
    if (!this.#markedStarted) {
      this.#markedStarted = true;
      // Opening a lesson starts it (the dashboard counts it); a completed lesson stays completed.
      void api['lessons.setStatus']({ lessonId: this.lessonId, status: 'started' });
    }
    this.#workspace ??= this.#loadWorkspace(lesson.value);
    await this.#workspace;
    if (request === this.#textRequest) this.#starterFollowsLanguage(lesson.value);
    emitAppEvent('lesson-loaded', { lessonId: this.lessonId, language });
  }

  /**
   * Shows `lesson`'s starter (in its language) in place of the untouched one. The code is compared
   * too, not only the flag: text the learner typed is never replaced, whatever the flag says.
   */
  #starterFollowsLanguage(lesson: Lesson): void {
    const shown = this.#untouchedStarter;
    if (shown === null || this.code !== shown || this.autosave.status !== 'idle') return;
    this.#untouchedStarter = lesson.starter.code;
    this.code = lesson.starter.code;
  }

  async #loadWorkspace(lesson: Lesson): Promise<void> {
    await savesSettled(this.lessonId);
    const [draft, templates] = await Promise.all([
      api['drafts.get']({ lessonId: this.lessonId }),
      api['events.list']({}),
    ]);
    // The template list is a convenience: without it the event editor still works.
    if (templates.ok) this.templates = templates.value;
    else notices.show(i18n.t('errors.loadTemplates'), templates.error);

    if (!draft.ok) notices.show(i18n.t('errors.loadDraft'), draft.error);
    if (draft.ok && draft.value) {
      this.code = draft.value.code;
      this.eventJson = draft.value.eventJson;
      this.autosave.status = 'saved';
      return;
    }
    this.code = lesson.starter.code;
    this.#untouchedStarter = lesson.starter.code;
    this.eventJson = (await this.#templateJson(lesson.eventTemplate)) ?? '{}\n';
  }

  async #templateJson(name: string): Promise<string | undefined> {
    const result = await api['events.get']({ name });
    if (result.ok) return result.value.json;
    notices.show(i18n.t('errors.loadTemplate'), result.error);
    return undefined;
  }

  setCode(code: string): void {
    // The editor echoes text set from outside (a reset) back here: that is not an edit.
    if (code === this.code) return;
    this.code = code;
    this.#untouchedStarter = null;
    // Typing after a reset accepts it: the undo would now throw those edits away.
    this.codeBeforeReset = null;
    this.autosave.schedule(code, this.eventJson ?? '');
  }

  /** Replaces the code (with the starter or the solution), keeping the current code for undo. */
  replaceCode(code: string): void {
    if (this.code === undefined || code === this.code) return;
    const previous = this.code;
    this.code = code;
    this.#untouchedStarter = null;
    this.codeBeforeReset = previous;
    this.autosave.schedule(code, this.eventJson ?? '');
  }

  /** Puts back the code from before the last replacement. */
  undoReplace(): void {
    const previous = this.codeBeforeReset;
    if (previous === null) return;
    this.codeBeforeReset = null;
    this.code = previous;
    this.autosave.schedule(previous, this.eventJson ?? '');
  }

  /** Runs the exercise's checks on the code in the editor. */
  async check(): Promise<void> {
    if (this.code === undefined) return;
    void this.autosave.flush();
    await this.exercise.check(this.code, i18n.language);
  }

  setEventJson(eventJson: string): void {
    this.eventJson = eventJson;
    // The draft saved with the event holds the code too: from now on it is the learner's workspace.
    this.#untouchedStarter = null;
    this.runner.eventEdited();
    this.autosave.schedule(this.code ?? '', eventJson);
  }

  /** Replaces the event with a template (the editor keeps it undoable). */
  async useTemplate(name: string): Promise<void> {
    const json = await this.#templateJson(name);
    if (json !== undefined) this.setEventJson(json);
  }

  /** Runs the handler; `forceColdStart` starts a fresh environment so INIT runs again. */
  async run(options: { forceColdStart?: boolean } = {}): Promise<void> {
    const lesson = this.lesson;
    if (!lesson || this.code === undefined || this.eventJson === undefined || this.runner.running) return;
    const { filename, handler } = lesson.starter;
    const { code, eventJson } = this;
    // Save alongside the run: a learner who runs and then quits keeps exactly what ran.
    void this.autosave.flush();
    // A refused configuration is shown beside its field and the Run button; nothing runs.
    const config = await this.config.forRun();
    if (config === undefined) return;
    await this.runner.run({
      filename,
      handler,
      code,
      eventJson,
      config,
      forceColdStart: options.forceColdStart ?? false,
    });
  }
}
