/**
 * The trace of a scenario: a flat list of plain-data nodes, each naming its parent, so the CLI can
 * print it as a tree (cause -> invocation -> report) and the app can draw the chain. Every node has
 * the virtual time it happened at (ms since the epoch).
 */
import type { InvocationRecord } from '../invocation/record.ts';

/** How AWS invokes the function for a source (lambda-invocation.html). */
export type InvocationModel = 'sync' | 'async' | 'polled';

/** Where an invocation's event came from. */
export type EventSourceName =
  | 'apigateway-rest'
  | 'apigateway-http'
  | 'function-url'
  | 'alb'
  | 'cognito'
  | 'cloudfront'
  | 's3'
  | 'sns'
  | 'eventbridge'
  | 'cloudwatch-logs'
  | 'sqs'
  | 'kinesis'
  | 'dynamodb'
  | 'lambda';

interface NodeBase {
  /** `n1`, `n2`... in order of creation. */
  id: string;
  /** The node that caused this one; null for scenario steps. */
  parentId: string | null;
  /** Virtual time, ms since the epoch. */
  atMs: number;
}

/** A scenario step as written (`put object photos/cat.jpg`). */
export interface StepNode extends NodeBase {
  kind: 'step';
  index: number;
  text: string;
}

/** Something a service did that can trigger functions (an object written, a message sent). */
export interface ServiceEventNode extends NodeBase {
  kind: 'service-event';
  service: string;
  text: string;
}

/** One invocation of a function, with its full invocation record (logs, report, result or error). */
export interface InvocationNode extends NodeBase {
  kind: 'invocation';
  functionName: string;
  model: InvocationModel;
  source: EventSourceName;
  /** 1 for the first attempt, 2 and 3 for async retries; receive count for SQS. */
  attempt: number;
  /** The event the function received, as JSON text. */
  eventJson: string;
  record: InvocationRecord;
  /** How many times this function has run in the current chain of events, this one included. */
  chainCount: number;
}

/** What a synchronous caller got back (API Gateway, Function URL, ALB...). */
export interface ResponseNode extends NodeBase {
  kind: 'response';
  source: EventSourceName;
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** The service's own log lines (API Gateway execution log), which explain a 502 or 504. */
  serviceLog: string[];
}

/** An async retry queued for later. */
export interface RetryNode extends NodeBase {
  kind: 'retry';
  functionName: string;
  /** The attempt that will run (2 or 3). */
  attempt: number;
  /** When it will run. */
  dueMs: number;
  reason: string;
}

/** An invocation record sent to an on-success or on-failure destination. */
export interface DestinationNode extends NodeBase {
  kind: 'destination';
  functionName: string;
  target: string;
  condition: 'Success' | 'RetriesExhausted' | 'EventAgeExceeded';
  payload: unknown;
}

/** An event sent to a dead-letter queue (Lambda's async DLQ or an SQS redrive). */
export interface DeadLetterNode extends NodeBase {
  kind: 'dead-letter';
  target: string;
  body: string;
  attributes: Record<string, string>;
  text: string;
}

/** A polled batch's outcome: which messages were deleted and which go back to the queue. */
export interface BatchResultNode extends NodeBase {
  kind: 'batch-result';
  source: EventSourceName;
  deleted: string[];
  returned: string[];
  text: string;
}

/** An invocation Lambda refused: throttled, recursion stopped, event too old, payload too large. */
export interface RefusedNode extends NodeBase {
  kind: 'refused';
  functionName: string;
  reason: 'throttle' | 'recursion' | 'event-age' | 'payload';
  errorType: string;
  message: string;
  /** Log or console lines that AWS shows for it. */
  log: string[];
}

/** An at-least-once duplicate delivery. */
export interface DuplicateNode extends NodeBase {
  kind: 'duplicate';
  functionName: string;
  text: string;
}

/** An `expect` step's verdict. */
export interface ExpectNode extends NodeBase {
  kind: 'expect';
  ok: boolean;
  text: string;
}

/** Anything else worth showing (e.g. a trigger that did not match). */
export interface NoteNode extends NodeBase {
  kind: 'note';
  text: string;
}

export type TraceNode =
  | StepNode
  | ServiceEventNode
  | InvocationNode
  | ResponseNode
  | RetryNode
  | DestinationNode
  | DeadLetterNode
  | BatchResultNode
  | RefusedNode
  | DuplicateNode
  | ExpectNode
  | NoteNode;

/** A node before it has an id. */
export type NewTraceNode = TraceNode extends infer N ? (N extends TraceNode ? Omit<N, 'id'> : never) : never;

/** Collects nodes in order and hands out ids. */
export class TraceRecorder {
  readonly nodes: TraceNode[] = [];

  add(node: NewTraceNode): string {
    const id = `n${this.nodes.length + 1}`;
    this.nodes.push({ ...node, id } as TraceNode);
    return id;
  }

  get(id: string): TraceNode | undefined {
    return this.nodes.find((n) => n.id === id);
  }

  /** The nodes of one kind. */
  ofKind<K extends TraceNode['kind']>(kind: K): Extract<TraceNode, { kind: K }>[] {
    return this.nodes.filter((n): n is Extract<TraceNode, { kind: K }> => n.kind === kind);
  }
}
