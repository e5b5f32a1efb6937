/**
 * A lesson's exercise on the lesson page: the tasks with the learner's progress (exercise.get),
 * the latest check of this visit with each task's output (exercise.check), hints revealed one at a
 * time, and the solution once it may be shown.
 */
import { SvelteSet } from 'svelte/reactivity';
import type {
  ExerciseCheckResult,
  ExerciseSolution,
  ExerciseState,
  TaskStatus,
} from '../../electron/api/learning-types.ts';
import type { Language } from '../../electron/api/types.ts';
import type { LogLine } from '../../sandbox/invocation/record.ts';
import { api } from '../lib/api-client.ts';
import { emitAppEvent } from '../lib/app-events.ts';
import { i18n } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';

/** One task as the panel shows it: stored progress, overlaid with this visit's latest check. */
export interface TaskView {
  id: string;
  number: number;
  title: string;
  status: TaskStatus;
  message: string | null;
  /** The handler's output in the latest check of this visit; null when none ran yet. */
  output: LogLine[] | null;
  hints: string[];
  hintCount: number;
}

export class ExerciseSession {
  /** null: the lesson has no exercise; undefined: not loaded yet. */
  state = $state.raw<ExerciseState | null | undefined>(undefined);
  lastCheck = $state.raw<ExerciseCheckResult | null>(null);
  checking = $state(false);
  solution = $state.raw<ExerciseSolution | null>(null);
  readonly hintPending = new SvelteSet<string>();
  #lessonId: string;
  #request = 0;
  #solutionRequest = 0;

  constructor(lessonId: string) {
    this.#lessonId = lessonId;
  }

  /** Tasks with this visit's results laid over the stored ones. */
  tasks = $derived.by((): TaskView[] => {
    const tasks = this.state?.tasks ?? [];
    return tasks.map((task) => {
      const checked = this.lastCheck?.tasks.find((t) => t.id === task.id);
      return {
        id: task.id,
        number: task.number,
        title: task.title,
        status: checked?.status ?? task.status,
        message: checked ? checked.message : task.message,
        output: checked?.output ?? null,
        hints: task.hints,
        hintCount: task.hintCount,
      };
    });
  });

  passed = $derived(this.lastCheck?.passed === true || this.state?.passed === true);
  solutionAvailable = $derived(this.lastCheck?.solutionAvailable === true || this.state?.solutionAvailable === true);

  /** Loads the tasks and the starter in `language`; a solution on screen is fetched again in it. */
  async load(language: Language): Promise<void> {
    const request = ++this.#request;
    const result = await api['exercise.get']({ lessonId: this.#lessonId, language });
    if (request !== this.#request) return;
    if (!result.ok) {
      notices.show(i18n.t('errors.loadExercise'), result.error);
      return;
    }
    this.state = result.value;
    // The learner already chose to see it (or passed): asking again reveals nothing new.
    if (this.solution) await this.showSolution(true, language);
  }

  async check(code: string, language: Language): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    const result = await api['exercise.check']({ lessonId: this.#lessonId, code, language });
    this.checking = false;
    if (!result.ok) {
      notices.show(i18n.t('errors.checkExercise'), result.error);
      emitAppEvent('exercise-checked', { lessonId: this.#lessonId, ok: false, passed: false });
      return;
    }
    this.lastCheck = result.value;
    emitAppEvent('exercise-checked', { lessonId: this.#lessonId, ok: true, passed: result.value.passed });
  }

  /** Reveals the next hint of a task. */
  async revealHint(taskId: string, language: Language): Promise<void> {
    const task = this.state?.tasks.find((t) => t.id === taskId);
    if (!task || this.hintPending.has(taskId) || task.hints.length >= task.hintCount) return;
    this.hintPending.add(taskId);
    const result = await api['exercise.revealHint']({
      lessonId: this.#lessonId,
      taskId,
      count: task.hints.length + 1,
      language,
    });
    this.hintPending.delete(taskId);
    if (!result.ok) {
      notices.show(i18n.t('errors.revealHint'), result.error);
      return;
    }
    const state = this.state;
    if (!state) return;
    this.state = {
      ...state,
      tasks: state.tasks.map((t) => (t.id === taskId ? { ...t, hints: result.value.hints } : t)),
    };
  }

  /** Fetches the solution in `language`; `confirm` when the learner agreed to see it before passing. */
  async showSolution(confirm: boolean, language: Language): Promise<void> {
    const request = ++this.#solutionRequest;
    const result = await api['exercise.solution']({ lessonId: this.#lessonId, confirm, language });
    // The language changed meanwhile: the newer request decides.
    if (request !== this.#solutionRequest) return;
    if (!result.ok) {
      notices.show(i18n.t('errors.loadSolution'), result.error);
      return;
    }
    this.solution = result.value;
  }
}
