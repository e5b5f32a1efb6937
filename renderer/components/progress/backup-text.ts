/**
 * How a backup is named to the learner: when it was taken, and why (from its file name).
 */
import type { Language } from '../../../electron/api/types.ts';
import type { i18n as I18nInstance } from '../../state/i18n.svelte.ts';

/** `import`, `reset`, `v1`... in plain words. */
export function backupReason(reason: string, i18n: typeof I18nInstance): string {
  if (reason === 'import') return i18n.t('progress.backups.reasonImport');
  if (reason === 'reset') return i18n.t('progress.backups.reasonReset');
  const version = /^v(\d+)$/.exec(reason)?.[1];
  return version ? i18n.t('progress.backups.reasonMigration', { version }) : reason;
}

/** A date and time in the learner's language. */
export function formatWhen(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(new Date(iso));
}
