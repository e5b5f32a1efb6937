/**
 * What every API call returns across a process boundary: nothing thrown crosses it.
 * `error.name` is a stable identifier the renderer can branch on; `message` is for people.
 */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiError {
  /** Stable name, e.g. `InvalidArguments`, `UnknownMethod`, `LessonNotFound`, `InvalidEventJson`. */
  name: string;
  /** Plain words saying what was wrong and how to fix it. */
  message: string;
}

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });

export const fail = (name: string, message: string): ApiResult<never> => ({
  ok: false,
  error: { name, message },
});

/** An error a backend handler throws on purpose; `dispatch` turns it into `{ ok: false }`. */
export class ApiFailure extends Error {
  readonly errorName: string;
  constructor(errorName: string, message: string) {
    super(message);
    this.name = errorName;
    this.errorName = errorName;
  }
}
