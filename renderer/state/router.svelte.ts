/**
 * Hash routing (`#/` course map, `#/lesson/<id>`, `#/simulator[/<doc>]`, `#/review`, `#/progress`):
 * works from file-like origins such as app://coldstart/ and keeps the learner's place across
 * reloads and restarts.
 */
export type SimulatorSection = 'supported' | 'time-model';

export type Route =
  | { name: 'course-map' }
  | { name: 'lesson'; lessonId: string }
  /** "About the simulator"; `section` scrolls to one of its documents. */
  | { name: 'simulator'; section?: SimulatorSection }
  /** A spaced-review session over the questions due across lessons. */
  | { name: 'review' }
  /** The progress dashboard: what is done, accuracy, streak; export, import, reset, backups. */
  | { name: 'progress' }
  /** The playground: load on a handler (fleet), power tuning. */
  | { name: 'playground' }
  /** The cost calculator with the Lambda vs server break-even. */
  | { name: 'cost' }
  /** The simulated AWS account: run a scenario, see its trace and the account it leaves. */
  | { name: 'account' };

function parse(hash: string): Route {
  if (/^#\/review\/?$/.test(hash)) return { name: 'review' };
  if (/^#\/progress\/?$/.test(hash)) return { name: 'progress' };
  if (/^#\/playground\/?$/.test(hash)) return { name: 'playground' };
  if (/^#\/cost\/?$/.test(hash)) return { name: 'cost' };
  if (/^#\/account\/?$/.test(hash)) return { name: 'account' };
  const simulator = /^#\/simulator(?:\/(supported|time-model))?\/?$/.exec(hash);
  if (simulator)
    return simulator[1] ? { name: 'simulator', section: simulator[1] as SimulatorSection } : { name: 'simulator' };
  const match = /^#\/lesson\/([a-z0-9][a-z0-9-]{0,63})\/?$/.exec(hash);
  return match?.[1] ? { name: 'lesson', lessonId: match[1] } : { name: 'course-map' };
}

class Router {
  route = $state<Route>(parse(window.location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parse(window.location.hash);
    });
  }

  toLesson(lessonId: string): void {
    window.location.hash = `#/lesson/${lessonId}`;
  }

  toCourseMap(): void {
    window.location.hash = '#/';
  }
}

export const router = new Router();

export const lessonHref = (lessonId: string): string => `#/lesson/${lessonId}`;
export const courseMapHref = '#/';
/** The simulator page, optionally at one of its documents. */
export const simulatorHref = (section?: SimulatorSection): string =>
  section ? `#/simulator/${section}` : '#/simulator';
export const reviewHref = '#/review';
export const progressHref = '#/progress';
export const playgroundHref = '#/playground';
export const costHref = '#/cost';
export const accountHref = '#/account';
