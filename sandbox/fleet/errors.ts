/**
 * FleetInputError: the fleet simulator refused its input (a value out of range, a combination AWS
 * would refuse). `field` names the input field, so the CLI and the UI can point at the option.
 */
export class FleetInputError extends Error {
  override readonly name = 'FleetInputError';
  /** Dotted path of the offending field, e.g. `load.ratePerSecond` or `concurrency.reserved`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}
