/**
 * What the account page's methods return (`scenario.list`, `scenario.get`, `scenario.run`).
 * A run is the scenario runner's own plain-data result, passed through unchanged.
 */
import type { ScenarioResult } from '../../sandbox/scenario/scenario-types.ts';

export type { ScenarioResult };

/** A bundled example scenario (sandbox/scenario/examples/), described in the requested language. */
export interface ScenarioExample {
  /** The file name without `.yaml`, e.g. `thumbnail`. */
  name: string;
  title: string;
  description: string;
}

/** An example's text, as the editor shows it. */
export interface ScenarioSource {
  name: string;
  /** The scenario file as written (YAML). */
  text: string;
}
