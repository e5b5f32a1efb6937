/**
 * Event templates for the event editor: the events AWS services send to Lambda, with realistic
 * ids, ARNs and time formats. One file per template under ./templates/.
 */
import type { EventTemplate, EventTemplateSummary } from '../../electron/api/types.ts';
import { helloWorld } from './templates/hello-world.ts';
import { apigatewayRest } from './templates/apigateway-rest.ts';
import { s3Put } from './templates/s3-put.ts';

export type { EventTemplate, EventTemplateSummary };

interface TemplateSource {
  name: string;
  title: string;
  invocation: EventTemplateSummary['invocation'];
  event: unknown;
}

const TEMPLATES: readonly TemplateSource[] = [helloWorld, apigatewayRest, s3Put];

/** Every template's name, title and how AWS invokes a function for that source. */
export function listEventTemplates(): EventTemplateSummary[] {
  return TEMPLATES.map(({ name, title, invocation }) => ({ name, title, invocation }));
}

/** One template with its event as pretty-printed JSON (2 spaces); undefined for unknown names. */
export function getEventTemplate(name: string): EventTemplate | undefined {
  const t = TEMPLATES.find((x) => x.name === name);
  if (!t) return undefined;
  return { name: t.name, title: t.title, invocation: t.invocation, json: JSON.stringify(t.event, null, 2) };
}
