/**
 * INIT and INVOKE of one request on an environment, and the invocation record they produce:
 * durations from the virtual clock, Lambda-shaped errors for every way a phase can end, and the
 * START/END/REPORT lines around the handler's own output.
 */
import type { InvocationRecord, InvocationReport, InvocationStatus, LambdaError, LogLine } from '../../invocation/record.ts';
import { endLine, platformLine, reportLine, startLine, timeoutLine, timeoutMessage, type ReportSuffix } from '../../invocation/log-lines.ts';
import { INIT_MAX_MS, SYNC_PAYLOAD_MAX_BYTES } from '../../facts/limits.ts';
import { billedDurationMs, invocationCostUsd } from '../../model/billing.ts';
import { guestHeapBudgetBytes, invokeOverheadMs, maxMemoryUsedMB, REAL_CPU_CAP_MS, roundMs, runtimeInitMs } from '../../model/time-model.ts';
import { functionArn, logGroupName, newRequestId } from '../lambda-identity.ts';
import type { ExecutionEnvironment } from './environment.ts';
import { drainTimers, driveLoop, type LoopEnd } from './event-loop.ts';

/** A phase's failure: the error returned to the caller plus how REPORT marks it. */
interface PhaseFailure {
  error: LambdaError;
  status: InvocationStatus;
  suffix: ReportSuffix;
  /** Extra platform lines after REPORT (e.g. the timeout line). */
  after: LogLine[];
  /** True when the environment cannot be reused (Lambda restarts the runtime). */
  reset: boolean;
}

/** Record plus whether the environment must be discarded. */
export interface PhaseOutcome {
  record: InvocationRecord;
  reset: boolean;
}

const RUNTIME_VERSION: Record<string, string> = { 'nodejs22.x': 'nodejs:22.v62', 'nodejs24.x': 'nodejs:24.v25' };

function failureFromEnd(env: ExecutionEnvironment, end: LoopEnd, requestId: string, timeoutSeconds: number): PhaseFailure | undefined {
  const iso = new Date(env.clock.wallNow()).toISOString();
  switch (end.kind) {
    case 'settled':
      return undefined;
    case 'stopped': {
      if (end.reason === 'memory') {
        const message = `RequestId: ${requestId} Error: Runtime exited with error: signal: killed`;
        return {
          error: { errorType: 'Runtime.OutOfMemory', errorMessage: message, trace: [] },
          status: 'crash',
          suffix: { status: 'error', errorType: 'Runtime.OutOfMemory' },
          after: [platformLine(message)],
          reset: true,
        };
      }
      const after = [timeoutLine(iso, requestId, timeoutSeconds)];
      if (end.reason === 'cpu-cap') {
        after.push(platformLine(`Coldstart note: this invoke computed for ${REAL_CPU_CAP_MS / 1000} seconds of real time without finishing, so Coldstart stopped it and reports it as a timeout (a safety cap of the simulator, not a Lambda limit).`));
      }
      return {
        error: { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: ${timeoutMessage(timeoutSeconds)}`, trace: [] },
        status: 'timeout',
        suffix: { status: 'timeout' },
        after,
        reset: true,
      };
    }
    case 'exit': {
      const message = `RequestId: ${requestId} Error: Runtime exited with error: exit status ${end.code}`;
      return { error: { errorType: 'Runtime.ExitError', errorMessage: message, trace: [] }, status: 'crash', suffix: { status: 'error', errorType: 'Runtime.ExitError' }, after: [platformLine(message)], reset: true };
    }
    case 'uncaught':
      return { error: JSON.parse(end.errorJson) as LambdaError, status: 'crash', suffix: { status: 'error', errorType: 'Runtime.ExitError' }, after: [], reset: true };
    case 'empty': {
      // Top-level await that can never finish: Node exits with code 13.
      const message = `RequestId: ${requestId} Error: Runtime exited with error: exit status 13`;
      return { error: { errorType: 'Runtime.ExitError', errorMessage: message, trace: [] }, status: 'crash', suffix: { status: 'error', errorType: 'Runtime.ExitError' }, after: [platformLine(message)], reset: true };
    }
    case 'crashed':
      return { error: { errorType: 'Runtime.Unknown', errorMessage: `RequestId: ${requestId} Error: ${end.message}`, trace: [] }, status: 'crash', suffix: { status: 'error', errorType: 'Runtime.Unknown' }, after: [], reset: true };
  }
}

/** INIT phase: load the module and resolve the handler. Returns the failure, if any. */
function runInit(env: ExecutionEnvironment, requestId: string): PhaseFailure | undefined {
  const { config } = env;
  const entry = env.files.handlerEntry(config.handler);
  if ('missingModule' in entry || 'malformed' in entry) {
    const error: LambdaError =
      'malformed' in entry
        ? { errorType: 'Runtime.MalformedHandlerName', errorMessage: entry.malformed, trace: [] }
        : { errorType: 'Runtime.ImportModuleError', errorMessage: `Error: Cannot find module '${entry.missingModule}'\nRequire stack:\n- /var/runtime/index.mjs`, trace: [] };
    error.trace = [`${error.errorType}: ${error.errorMessage}`];
    env.log('ERROR', `Uncaught Exception \t${JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.trace })}`);
    return { error, status: 'error', suffix: { status: 'error', errorType: error.errorType }, after: [], reset: true };
  }
  const start = env.clock.nowMs;
  env.budget.begin({ deadlineMs: start + INIT_MAX_MS, heapBudgetBytes: guestHeapBudgetBytes(config.memorySizeMB), memorySizeMB: config.memorySizeMB });
  const call = env.callGuest('init', JSON.stringify(entry));
  if (!call.value) {
    env.budget.end();
    return failureFromEnd(env, env.budget.stopped ? { kind: 'stopped', reason: env.budget.stopped } : { kind: 'crashed', message: call.error ?? '' }, requestId, INIT_MAX_MS / 1000);
  }
  const end = driveLoop(env, call.value, start + INIT_MAX_MS);
  call.value.dispose();
  env.budget.sampleHeap();
  env.budget.end();
  const failed = failureFromEnd(env, env.budget.stopped === 'memory' ? { kind: 'stopped', reason: 'memory' } : end, requestId, INIT_MAX_MS / 1000);
  if (failed) return failed;
  if (end.kind === 'settled' && end.value) {
    const error = JSON.parse(end.value) as LambdaError;
    if (isOutOfMemory(error)) return failureFromEnd(env, { kind: 'stopped', reason: 'memory' }, requestId, INIT_MAX_MS / 1000);
    return { error, status: 'error', suffix: { status: 'error', errorType: error.errorType }, after: [], reset: true };
  }
  return undefined;
}

function isOutOfMemory(error: LambdaError | undefined): boolean {
  return error?.errorType === 'InternalError' && error.errorMessage === 'out of memory';
}

interface GuestOutcome {
  ok: boolean;
  result?: string;
  error?: LambdaError;
  wait: boolean;
}

/** Run one request on `env` (INIT first when the environment is cold). */
export function runRequest(env: ExecutionEnvironment, eventJson: string, requestId: string = newRequestId()): PhaseOutcome {
  const { config } = env;
  const mem = config.memorySizeMB;
  const initLogs: LogLine[] = [];
  const invokeLogs: LogLine[] = [];
  const coldStart = !env.initialized;
  let initDurationMs: number | undefined;
  let failure: PhaseFailure | undefined;
  let result = 'null';

  if (coldStart) {
    env.sink = initLogs;
    env.requestId = 'undefined';
    initLogs.push(platformLine(`INIT_START Runtime Version: ${RUNTIME_VERSION[config.runtime] ?? config.runtime}\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:coldstart-simulated`));
    const initStart = env.clock.nowMs;
    env.clock.advance(runtimeInitMs(mem, env.files.totalBytes()));
    failure = runInit(env, requestId);
    initDurationMs = roundMs(env.clock.nowMs - initStart);
    env.initialized = failure === undefined;
  }

  env.sink = invokeLogs;
  env.requestId = requestId;
  const invokeStart = env.clock.nowMs;
  const deadlineMs = invokeStart + config.timeoutSeconds * 1000;
  if (!failure) {
    env.budget.begin({ deadlineMs, heapBudgetBytes: guestHeapBudgetBytes(mem), memorySizeMB: mem });
    env.clock.advance(invokeOverheadMs(mem, eventJson.length));
    const ctxJson = JSON.stringify({
      functionName: config.functionName,
      memoryLimitInMB: String(mem),
      logGroupName: logGroupName(config.functionName),
      logStreamName: env.logStream,
      invokedFunctionArn: functionArn(config.functionName),
      awsRequestId: requestId,
      deadlineMs,
    });
    const call = env.callGuest('invoke', eventJson, ctxJson);
    let end: LoopEnd;
    if (!call.value) end = env.budget.stopped ? { kind: 'stopped', reason: env.budget.stopped } : { kind: 'crashed', message: call.error ?? '' };
    else {
      end = driveLoop(env, call.value, deadlineMs, () => env.callGuest('onEmptyLoop').value?.dispose());
      call.value.dispose();
    }
    let outcome: GuestOutcome | undefined;
    if (end.kind === 'settled') {
      outcome = JSON.parse(end.value) as GuestOutcome;
      // QuickJS throws a catchable "out of memory" when one allocation breaks the limit; in Lambda
      // the process would be killed instead.
      if (isOutOfMemory(outcome.error)) end = { kind: 'stopped', reason: 'memory' };
      if (outcome.wait) end = drainTimers(env, deadlineMs) ?? end;
    }
    env.budget.sampleHeap();
    if (env.budget.stopped === 'memory') end = { kind: 'stopped', reason: 'memory' };
    env.budget.end();
    failure = failureFromEnd(env, end, requestId, config.timeoutSeconds);
    if (!failure && outcome) {
      if (outcome.ok) {
        result = outcome.result ?? 'null';
        if (Buffer.byteLength(result, 'utf8') > SYNC_PAYLOAD_MAX_BYTES) {
          const error = { errorType: 'Function.ResponseSizeTooLarge', errorMessage: `Response payload size (${Buffer.byteLength(result, 'utf8')} bytes) exceeded maximum allowed payload size (${SYNC_PAYLOAD_MAX_BYTES} bytes).`, trace: [] };
          failure = { error, status: 'error', suffix: {}, after: [], reset: false };
        }
      } else if (outcome.error) {
        failure = { error: outcome.error, status: 'error', suffix: {}, after: [], reset: false };
      }
    }
  }

  const durationMs = failure?.status === 'timeout' ? config.timeoutSeconds * 1000 : roundMs(env.clock.nowMs - invokeStart);
  const billed = billedDurationMs(durationMs, initDurationMs);
  const report: InvocationReport = {
    durationMs,
    billedDurationMs: billed,
    ...(initDurationMs !== undefined ? { initDurationMs } : {}),
    memorySizeMB: mem,
    maxMemoryUsedMB: failure?.error.errorType === 'Runtime.OutOfMemory' ? mem : maxMemoryUsedMB(env.budget.peakHeapBytes, mem),
    status: failure ? failure.status : 'success',
  };
  const logs: LogLine[] = [...initLogs, startLine(requestId), ...invokeLogs, endLine(requestId), reportLine(requestId, report, failure?.suffix), ...(failure?.after ?? [])];
  const base = { requestId, coldStart, logs, report, costUsd: invocationCostUsd(billed, mem, config.architecture) };
  env.lastUsedAt = Date.now();
  const record: InvocationRecord = failure ? { ...base, ok: false, error: failure.error } : { ...base, ok: true, result };
  return { record, reset: failure?.reset ?? false };
}
