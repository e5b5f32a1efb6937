/**
 * One line of a bill: what was counted, at which price, and why. Plain data, so it crosses the
 * IPC and HTTP boundaries as is and the UI can render it in either language from `key` + numbers;
 * `explanation` is the English sentence the CLI prints.
 */
import type { Architecture } from '../invocation/record.ts';
import { formatQuantity, formatUnitPrice, formatUsd, roundToCents } from './money.ts';

/** Stable label keys (the UI's translation keys). */
export type LineKey =
  | 'requests'
  | 'async-extra-requests'
  | 'duration'
  | 'provisioned-concurrency'
  | 'provisioned-duration'
  | 'ephemeral-storage'
  | 'edge-requests'
  | 'edge-duration';

/** What a line's quantity counts. */
export type LineUnit = 'requests' | 'GB-s';

export interface LineItem {
  key: LineKey;
  /** Billable quantity after the free tier: what `unitPriceUsd` multiplies. */
  quantity: number;
  unit: LineUnit;
  unitPriceUsd: number;
  /** quantity x unitPriceUsd, full precision. */
  amountUsd: number;
  /** amountUsd rounded to cents, as the pricing page shows each charge. */
  displayAmountUsd: number;
  /** Usage before the free tier (equals `quantity` when no free tier applies). */
  grossQuantity: number;
  /** Part of the usage the free tier covered. */
  freeQuantity: number;
  /** Duration tier, 1-3, for `duration` lines. */
  tier?: 1 | 2 | 3;
  /** Architecture for duration-like lines. */
  architecture?: Architecture;
  /** One English sentence: the arithmetic and the reason for it. */
  explanation: string;
}

/** What makeLine needs; amounts and the explanation's arithmetic are derived. */
export interface LineInput {
  key: LineKey;
  quantity: number;
  unit: LineUnit;
  unitPriceUsd: number;
  grossQuantity?: number;
  freeQuantity?: number;
  tier?: 1 | 2 | 3;
  architecture?: Architecture;
  /** Why this line exists, appended to the arithmetic. */
  why: string;
}

/** Builds a line, computing the amount and the arithmetic part of the explanation. */
export function makeLine(input: LineInput): LineItem {
  const amountUsd = input.quantity * input.unitPriceUsd;
  const displayAmountUsd = roundToCents(amountUsd);
  const price =
    input.unit === 'requests'
      ? `${formatUsd(input.unitPriceUsd * 1_000_000)} per 1M requests`
      : `${formatUnitPrice(input.unitPriceUsd)} per GB-s`;
  const arithmetic = `${formatQuantity(input.quantity)} ${input.unit} x ${price} = ${formatUsd(displayAmountUsd)}`;
  const line: LineItem = {
    key: input.key,
    quantity: input.quantity,
    unit: input.unit,
    unitPriceUsd: input.unitPriceUsd,
    amountUsd,
    displayAmountUsd,
    grossQuantity: input.grossQuantity ?? input.quantity,
    freeQuantity: input.freeQuantity ?? 0,
    explanation: `${arithmetic}: ${input.why}`,
  };
  if (input.tier !== undefined) line.tier = input.tier;
  if (input.architecture !== undefined) line.architecture = input.architecture;
  return line;
}
