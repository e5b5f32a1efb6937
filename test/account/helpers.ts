/** Shared helpers for account tests: an account on a settable virtual clock and callers. */
import type { Account, Caller, PolicyStatement } from '../../sandbox/account/account-types.ts';
import { ADMIN_CALLER, createAccount } from '../../sandbox/account/create-account.ts';

export { ADMIN_CALLER };

export interface TestAccount {
  account: Account;
  clock: { now: number };
  admin<T = Record<string, unknown>>(service: Parameters<Account['call']>[0], op: string, input: unknown): Promise<T>;
}

export function testAccount(startMs = 1_767_225_600_000): TestAccount {
  const clock = { now: startMs };
  const account = createAccount({ clock: () => clock.now });
  return { account, clock, admin: (service, op, input) => account.call(service, op, input, ADMIN_CALLER) as never };
}

/** A function's caller with the given statements. */
export function callerWith(statements: PolicyStatement[], role = 'thumbnail-role', functionName = 'thumbnail'): Caller {
  return { functionName, roleArn: `arn:aws:iam::123456789012:role/${role}`, policy: { Version: '2012-10-17', Statement: statements } };
}

/** The rejection of a promise (fails when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode: number } }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error('expected the call to fail');
}
