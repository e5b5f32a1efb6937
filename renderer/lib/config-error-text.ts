/**
 * Puts a `config.validate` refusal into the learner's language. The rule and its bound come from
 * the backend (the sandbox's schema); only the wording lives here.
 */
import type { ConfigFieldError } from '../../electron/api/types.ts';
import type { MessageKey } from '../state/i18n.svelte.ts';

interface Translator {
  t(key: MessageKey, options?: Record<string, unknown>): string;
  number(value: number): string;
}

/** The unit a field's bound is given in. */
function unitKey(field: ConfigFieldError['field']): MessageKey {
  return field === 'timeoutSeconds' ? 'config.units.seconds' : 'config.units.megabytes';
}

export function configErrorText(error: ConfigFieldError, i18n: Translator): string {
  const unit = i18n.t(unitKey(error.field));
  const limit = error.limit === undefined ? '' : i18n.number(error.limit);
  switch (error.code) {
    case 'invalid':
      // No translation for an unexpected rule: the backend's English words are better than none.
      return error.message;
    default:
      // Layer refusals quote Lambda's own (English) message after the explanation.
      return i18n.t(`config.errors.${error.code}`, { limit, unit, message: error.message });
  }
}
