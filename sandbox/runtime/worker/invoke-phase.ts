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
import { newRequestId } from '../lambda-identity.ts';
import type { ExecutionEnvironment } from './environment.ts';
import { TMP_REAL_BYTES_CAP } from './tmp-filesystem.ts';
import { driveLoop, type LoopEnd } from './event-loop.ts';

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
      const after = [timeoutLine(new Date(env.clock.wallNow()).toISOString(), requestId, timeoutSeconds)];
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
    case 'uncaught': {
      // nodejs22.x's runtime client posts the error, then exits with status 129 (nodejs24.x's
      // crashes instead: an 'exit' end, see rejections-source.ts).
      const message = `RequestId: ${requestId} Error: Runtime exited with error: exit status 129`;
      return { error: parseError(end.errorJson), status: 'crash', suffix: { status: 'error', errorType: 'Runtime.ExitError' }, after: [platformLine(message)], reset: true };
    }
    case 'rejection': {
      const message = `RequestId: ${requestId} Error: Runtime exited with error: exit status 128`;
      return { error: parseError(end.errorJson), status: 'crash', suffix: { status: 'error', errorType: 'Runtime.UnhandledPromiseRejection' }, after: [platformLine(message)], reset: true };
    }
    case 'empty': {
      // Top-level await that can never finish: Node exits with code 13.
      const message = `RequestId: ${requestId} Error: Runtime exited with error: exit status 13`;
      return { error: { errorType: 'Runtime.ExitError', errorMessage: message, trace: [] }, status: 'crash', suffix: { status: 'error', errorType: 'Runtime.ExitError' }, after: [platformLine(message)], reset: true };
    }
    case 'crashed':
      return { error: { errorType: 'Runtime.Unknown', errorMessage: `RequestId: ${requestId} Error: ${end.message}`, trace: [] }, status: 'crash', suffix: { status: 'error', errorType: 'Runtime.Unknown' }, after: [], reset: true };
  }
}

/** Parse an error JSON the guest produced; anything malformed becomes a plain Runtime.Unknown. */
function parseError(json: string): LambdaError {
  try {
    const e = JSON.parse(json) as Partial<LambdaError>;
    if (typeof e.errorType === 'string' && typeof e.errorMessage === 'string') return { errorType: e.errorType, errorMessage: e.errorMessage, trace: Array.isArray(e.trace) ? e.trace.map(String) : [] };
  } catch {
    // fall through
  }
  return { errorType: 'Runtime.Unknown', errorMessage: 'The function failed in a way Coldstart could not describe.', trace: [] };
}

/** The text after the outcome code (`ok\u0001{...}` -> `{...}`). */
function outcomeBody(value: string): [string, string] {
  const i = value.indexOf('\u0001');
  return i < 0 ? [value, ''] : [value.slice(0, i), value.slice(i + 1)];
}

/** INIT phase: load the module and resolve the handler, within `limitMs` of virtual time. */
function runInit(env: ExecutionEnvironment, requestId: string, limitMs: number, seconds: number = INIT_MAX_MS / 1000): PhaseFailure | undefined {
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
  if ('syntaxError' in entry) {
    const error: LambdaError = { errorType: 'Runtime.UserCodeSyntaxError', errorMessage: `SyntaxError: ${entry.syntaxError}`, trace: [`Runtime.UserCodeSyntaxError: SyntaxError: ${entry.syntaxError}`] };
    env.log('ERROR', `Uncaught Exception \t${JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.trace })}`);
    return { error, status: 'error', suffix: { status: 'error', errorType: error.errorType }, after: [], reset: true };
  }
  const start = env.clock.nowMs;
  env.budget.begin({ deadlineMs: start + limitMs, heapBudgetBytes: guestHeapBudgetBytes(config.memorySizeMB), memorySizeMB: config.memorySizeMB });
  const failedCall = env.call('init', JSON.stringify(entry), `${start} ${env.clock.wallOffset()}`);
  if (failedCall) {
    env.budget.end();
    env.drainLogs(env.budget.stopMarkMs);
    return failureFromEnd(env, env.budget.stopped ? { kind: 'stopped', reason: env.budget.stopped } : { kind: 'crashed', message: failedCall.message }, requestId, seconds);
  }
  const end = driveLoop(env, start + limitMs) ?? { kind: 'empty' };
  env.budget.sampleHeap();
  env.budget.end();
  if (end.kind !== 'settled') env.drainLogs(env.budget.stopMarkMs);
  const failed = failureFromEnd(env, env.budget.stopped === 'memory' ? { kind: 'stopped', reason: 'memory' } : end, requestId, seconds);
  if (failed) return failed;
  if (end.kind === 'settled') {
    const [, body] = outcomeBody(end.value);
    if (!body) return undefined;
    const error = parseError(body);
    if (isOutOfMemory(error)) return failureFromEnd(env, { kind: 'stopped', reason: 'memory' }, requestId, seconds);
    return { error, status: 'error', suffix: { status: 'error', errorType: error.errorType }, after: [], reset: true };
  }
  return undefined;
}

/**
 * The guest's own report of QuickJS's catchable "out of memory" error (`Invoke Error` or
 * `Uncaught Exception` with errorType InternalError). Lambda kills the process instead, so the
 * runtime never gets to log it: after an OOM kill the log has only END, REPORT and the
 * "signal: killed" line.
 */
function isOutOfMemoryErrorLine(line: LogLine): boolean {
  if (line.kind !== 'function') return false;
  const parts = line.text.split('\t');
  if (parts[2] !== 'ERROR') return false;
  const message = parts.slice(3).join('\t');
  if (!/^(Invoke Error|Uncaught Exception|Unhandled Promise Rejection) /.test(message)) return false;
  return message.includes('"errorType":"InternalError"') && message.includes('"errorMessage":"out of memory"');
}

function dropOutOfMemoryErrorLines(lines: LogLine[]): void {
  for (let i = lines.length - 1; i >= 0; i--) if (isOutOfMemoryErrorLine(lines[i]!)) lines.splice(i, 1);
}

function isOutOfMemory(error: LambdaError | undefined): boolean {
  return error?.errorType === 'InternalError' && error.errorMessage === 'out of memory';
}

/**
 * Run one request on `env` (INIT first when the environment is cold). `startAtMs` is when it
 * arrives (epoch ms): log times and the handler's Date start there and follow the virtual clock.
 */
export function runRequest(env: ExecutionEnvironment, eventJson: string, requestId: string = newRequestId(), startAtMs: number = Date.now()): PhaseOutcome {
  const { config } = env;
  env.clock.anchorWall(startAtMs);
  const mem = config.memorySizeMB;
  const initLogs: LogLine[] = [];
  const invokeLogs: LogLine[] = [];
  const coldStart = !env.initialized;
  let initDurationMs: number | undefined;
  let failure: PhaseFailure | undefined;
  let result = 'null';
  let retryInit = false;
  /** Exit status of a runtime that exited after its answer went out (nodejs22.x, unhandled rejection). */
  let exitedAfterAnswer: number | undefined;

  if (coldStart) {
    env.beginLogs(initLogs, 'undefined');
    initLogs.push(platformLine(`INIT_START Runtime Version: ${RUNTIME_VERSION[config.runtime] ?? config.runtime}\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:coldstart-simulated`));
    const initStart = env.clock.nowMs;
    env.clock.advance(runtimeInitMs(mem, env.files.totalBytes()));
    // The 10 s INIT limit covers the runtime's own start as well as the module's code.
    failure = runInit(env, requestId, INIT_MAX_MS - (env.clock.nowMs - initStart));
    env.endLogs();
    initDurationMs = roundMs(env.clock.nowMs - initStart);
    if (failure?.status === 'timeout') {
      // Lambda: an INIT over 10 s is retried during the first invoke, bounded by the timeout (FACTS.md, L).
      initLogs.push(platformLine(`INIT_REPORT Init Duration: ${initDurationMs.toFixed(2)} ms\tPhase: init\tStatus: timeout`));
      failure = undefined;
      retryInit = true;
      env.restart();
    }
    env.initialized = failure === undefined && !retryInit;
  }

  env.beginLogs(invokeLogs, requestId);
  const invokeStart = env.clock.nowMs;
  const deadlineMs = invokeStart + config.timeoutSeconds * 1000;
  if (!failure && retryInit) {
    failure = runInit(env, requestId, config.timeoutSeconds * 1000, config.timeoutSeconds);
    env.initialized = failure === undefined;
    // Logged under the request: the retried INIT runs inside the invoke.
  }
  if (!failure) {
    env.budget.begin({ deadlineMs, heapBudgetBytes: guestHeapBudgetBytes(mem), memorySizeMB: mem });
    env.clock.advance(invokeOverheadMs(mem, eventJson.length));
    const failedCall = env.callInvoke(eventJson, requestId, deadlineMs);
    let end: LoopEnd;
    if (failedCall) end = env.budget.stopped ? { kind: 'stopped', reason: env.budget.stopped } : { kind: 'crashed', message: failedCall.message };
    else end = driveLoop(env, deadlineMs, () => void env.call('onEmptyLoop')) ?? { kind: 'empty' };
    let code = '';
    let body = '';
    if (end.kind === 'settled') {
      [code, body] = outcomeBody(end.value);
      // QuickJS throws a catchable "out of memory" when one allocation breaks the limit; in Lambda
      // the process would be killed instead.
      if (code.startsWith('err') && isOutOfMemory(parseError(body))) end = { kind: 'stopped', reason: 'memory' };
      else if (code.endsWith('w')) end = driveLoop(env, deadlineMs, undefined, true) ?? end;
    }
    env.budget.sampleHeap();
    if (env.budget.stopped === 'memory') end = { kind: 'stopped', reason: 'memory' };
    env.budget.end();
    // Lines logged before a kill were already written when the process died: keep them.
    if (end.kind !== 'settled') env.drainLogs(env.budget.stopMarkMs);
    failure = failureFromEnd(env, end, requestId, config.timeoutSeconds);
    if (end.kind === 'settled') exitedAfterAnswer = env.exitCode();
    if (!failure && end.kind === 'settled') {
      if (code.startsWith('ok')) {
        result = body || 'null';
        const size = Buffer.byteLength(result, 'utf8');
        if (size > SYNC_PAYLOAD_MAX_BYTES) {
          const error = { errorType: 'Function.ResponseSizeTooLarge', errorMessage: `Response payload size (${size} bytes) exceeded maximum allowed payload size (${SYNC_PAYLOAD_MAX_BYTES} bytes).`, trace: [] };
          failure = { error, status: 'error', suffix: {}, after: [], reset: false };
        }
      } else {
        failure = { error: parseError(body), status: 'error', suffix: {}, after: [], reset: false };
      }
    }
  }
  env.endLogs();
  if (env.tmp.capHit) {
    invokeLogs.push(platformLine(`Coldstart note: /tmp writes were refused because this environment already keeps ${TMP_REAL_BYTES_CAP / 1024 / 1024} MB of distinct /tmp content in memory (a safety cap of the simulator, not a Lambda limit).`));
    env.tmp.capHit = false;
  }

  if (failure?.error.errorType === 'Runtime.OutOfMemory') {
    dropOutOfMemoryErrorLines(initLogs);
    dropOutOfMemoryErrorLines(invokeLogs);
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
  // Stack frames of TypeScript files point at the learner's .ts lines (the log lines already do).
  if (failure && env.files.sourceMaps.size > 0) failure.error.trace = failure.error.trace.map((t) => env.files.mapStack(t));
  const after = failure?.after ?? [];
  if (exitedAfterAnswer !== undefined) after.push(platformLine(`RequestId: ${requestId} Error: Runtime exited with error: exit status ${exitedAfterAnswer}`));
  const logs: LogLine[] = [...initLogs, startLine(requestId), ...invokeLogs, endLine(requestId), reportLine(requestId, report, failure?.suffix), ...after];
  const base = { requestId, coldStart, logs, report, costUsd: invocationCostUsd(billed, mem, config.architecture) };
  env.lastUsedAt = Date.now();
  env.invocations += 1;
  const record: InvocationRecord = failure ? { ...base, ok: false, error: failure.error } : { ...base, ok: true, result };
  return { record, reset: (failure?.reset ?? false) || exitedAfterAnswer !== undefined };
}
