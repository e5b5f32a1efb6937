/**
 * The event picker's methods: a template's parameters with labels and help in the learner's
 * language (`events.definition`), and the event built from the form's values (`events.build`).
 * A bad value is a result, not a failure: buildEvent's message names the parameter, and the
 * parameter's name comes back too so the form can show the message beside that field.
 */
import { buildEvent, getEventTemplateDefinition, type EventTemplateInfo } from '../../sandbox/events/templates.ts';
import type { ApiHandlers } from '../api/dispatch.ts';
import { ApiFailure } from '../api/result.ts';
import type { EventBuildResult, EventParameterView, EventTemplateDefinitionView, Language } from '../api/types.ts';

function requireDefinition(name: string): EventTemplateInfo {
  const definition = getEventTemplateDefinition(name);
  if (!definition) throw new ApiFailure('EventTemplateNotFound', `There is no event template called "${name}".`);
  return definition;
}

/** The template's parameters as the form shows them, in `language`. */
export function eventDefinitionView(name: string, language: Language): EventTemplateDefinitionView {
  const t = requireDefinition(name);
  return {
    name: t.name,
    title: t.title[language],
    invocation: t.invocation,
    awsType: t.awsType,
    source: t.source,
    parameters: t.parameters.map((p): EventParameterView => {
      const view: EventParameterView = {
        name: p.name,
        label: p.label[language],
        description: p.description[language],
        kind: p.kind,
        defaultText: p.defaultText,
        options: p.kind === 'enum' ? [...p.options] : [],
      };
      if (p.kind === 'number') {
        if (p.integer !== undefined) view.integer = p.integer;
        if (p.min !== undefined) view.min = p.min;
        if (p.max !== undefined) view.max = p.max;
      }
      return view;
    }),
  };
}

/** Which of the template's parameters a buildEvent message is about, if it names one. */
function parameterNamed(message: string, names: readonly string[]): string | null {
  for (const match of message.matchAll(/parameter '([^']+)'/g)) {
    const name = match[1];
    if (name !== undefined && names.includes(name)) return name;
  }
  return null;
}

/** The event built from `params` (text by parameter name; missing ones take their defaults). */
export function buildEventFromForm(name: string, params: Readonly<Record<string, string>>): EventBuildResult {
  const t = requireDefinition(name);
  const built = buildEvent(name, params);
  if (built.ok) return { ok: true, json: built.json };
  return {
    ok: false,
    message: built.message,
    parameter: parameterNamed(
      built.message,
      t.parameters.map((p) => p.name),
    ),
  };
}

export function createEventHandlers(): { handlers: Pick<ApiHandlers, 'events.definition' | 'events.build'> } {
  return {
    handlers: {
      'events.definition': ({ name, language }) => eventDefinitionView(name, language),
      // The messages are buildEvent's (English); the form's own words around them are translated.
      'events.build': ({ name, params }) => buildEventFromForm(name, params),
    },
  };
}
