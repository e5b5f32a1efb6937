/**
 * The simulated DynamoDB API (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB.html):
 * tables with a partition key and optional sort key, item reads and writes with condition
 * expressions, UpdateExpression, Query with KeyConditionExpression, Scan, and streams.
 * Error names and messages are DynamoDB's
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html).
 */
import { tableArn } from '../arn.ts';
import { asRecord, awsError, optionalInt, optionalString, requireString, validation } from '../errors.ts';
import type { OpContext, OperationTable } from '../service-types.ts';
import { itemSize, normalizeItem, normalizeValue, toOutput, type AttributeValue, type Item } from './attribute-values.ts';
import { evalCondition, parseConditionExpression, resolvePath, Tokens, parseOperand, type Condition, type ExpressionContext } from './expressions.ts';
import { recordChange } from './streams.ts';
import { keyOf, keyString, partitionItems, type DynamoStore, type Table } from './table-store.ts';
import { applyUpdate, parseUpdate, touchedAttributes } from './update-expression.ts';

/** 400 KB per item (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html). */
const ITEM_MAX_BYTES = 400 * 1024;

const notFound = () => awsError('ResourceNotFoundException', 'Requested resource not found', 400);
const conditionFailed = () => awsError('ConditionalCheckFailedException', 'The conditional request failed', 400);

function tableOf(store: DynamoStore, input: Record<string, unknown>): Table {
  const t = store.tables.get(requireString(input, 'TableName'));
  if (!t) throw notFound();
  return t;
}

const perm = (action: string) => (input: Record<string, unknown>) => {
  const index = typeof input.IndexName === 'string' ? `/index/${input.IndexName}` : '';
  return [{ action, resource: `${tableArn(String(input.TableName ?? ''))}${index}` }];
};

/** The expression context of a request, with DynamoDB's check that every name and value is used. */
function expressionContext(input: Record<string, unknown>): ExpressionContext {
  const values: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(asRecord(input.ExpressionAttributeValues))) values[k] = normalizeValue(v);
  const names: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(input.ExpressionAttributeNames))) names[k] = String(v);
  return { names, values, usedNames: new Set(), usedValues: new Set() };
}

function checkUnused(input: Record<string, unknown>, ctx: ExpressionContext): void {
  const unusedValues = Object.keys(ctx.values ?? {}).filter((k) => !ctx.usedValues.has(k));
  if (unusedValues.length) throw validation(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`);
  const unusedNames = Object.keys(ctx.names ?? {}).filter((k) => !ctx.usedNames.has(k));
  if (unusedNames.length) throw validation(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`);
  void input;
}

function conditionOf(input: Record<string, unknown>, field: string, ctx: ExpressionContext): Condition | undefined {
  const text = optionalString(input, field);
  return text === undefined ? undefined : parseConditionExpression(text, field, ctx);
}

function projection(input: Record<string, unknown>, ctx: ExpressionContext): ((item: Item) => Item) | undefined {
  const text = optionalString(input, 'ProjectionExpression');
  if (text === undefined) return undefined;
  const t = new Tokens(text, 'ProjectionExpression', ctx);
  const paths: (string | number)[][] = [];
  for (;;) {
    const op = parseOperand(t);
    if (op.kind !== 'path') throw t.error('value');
    paths.push(op.parts);
    if (t.peek() === ',') t.next();
    else break;
  }
  return (item) => {
    const out: Item = {};
    for (const p of paths) {
      const v = resolvePath(item, p);
      if (v === undefined) continue;
      if (p.length === 1) out[p[0] as string] = v;
      else out[p[0] as string] = { M: { ...(out[p[0] as string]?.M ?? {}), [String(p[p.length - 1])]: v } };
    }
    return out;
  };
}

function checkSize(item: Item): void {
  if (itemSize(item) > ITEM_MAX_BYTES) throw validation('Item size has exceeded the maximum allowed size');
}

function put(ctx: OpContext, table: Table, item: Item): Item | undefined {
  const k = keyString(table, keyOf(table, item, 'item'));
  const old = table.items.get(k);
  table.items.set(k, item);
  recordChange(ctx, table, old, item);
  return old;
}

/** The leaves of a key condition, checked for what Query allows. */
function keyConditionParts(table: Table, cond: Condition): { hash: AttributeValue; rest: Condition[] } {
  const leaves: Condition[] = [];
  const walk = (c: Condition): void => {
    if (c.kind === 'and') {
      walk(c.left);
      walk(c.right);
    } else if (c.kind === 'or' || c.kind === 'not' || c.kind === 'in') throw validation(`Invalid operator used in KeyConditionExpression: ${c.kind.toUpperCase()}`);
    else leaves.push(c);
  };
  walk(cond);
  const pathOf = (c: Condition): string | undefined => {
    const op = c.kind === 'cmp' ? c.left : c.kind === 'between' ? c.value : c.kind === 'call' ? c.args[0] : undefined;
    return op?.kind === 'path' && op.parts.length === 1 ? String(op.parts[0]) : undefined;
  };
  let hash: AttributeValue | undefined;
  const rest: Condition[] = [];
  for (const leaf of leaves) {
    const attr = pathOf(leaf);
    if (attr === table.hashKey && leaf.kind === 'cmp' && leaf.op === '=' && leaf.right.kind === 'value') hash = leaf.right.value;
    else if (attr === table.rangeKey && attr !== undefined && (leaf.kind !== 'call' || leaf.name === 'begins_with') && (leaf.kind !== 'cmp' || leaf.op !== '<>')) rest.push(leaf);
    else if (attr === table.hashKey) throw validation('Query key condition not supported');
    else throw validation(`Query condition missed key schema element: ${table.hashKey}`);
  }
  if (!hash) throw validation(`Query condition missed key schema element: ${table.hashKey}`);
  if (rest.length > 1) throw validation('KeyConditionExpressions must only contain one condition per key');
  return { hash, rest };
}

/** Paging shared by Query and Scan: ExclusiveStartKey, Limit (items evaluated), filter, projection. */
function page(table: Table, all: Item[], input: Record<string, unknown>, ctx: ExpressionContext, filter: Condition | undefined): Record<string, unknown> {
  let start = 0;
  if (input.ExclusiveStartKey !== undefined) {
    const k = keyString(table, keyOf(table, normalizeItem(input.ExclusiveStartKey), 'key'));
    start = all.findIndex((i) => keyString(table, keyOf(table, i, 'item')) === k) + 1;
  }
  const limit = optionalInt(input, 'Limit');
  if (limit !== undefined && limit < 1) throw validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
  const evaluated = all.slice(start, limit === undefined ? undefined : start + limit);
  const project = projection(input, ctx);
  checkUnused(input, ctx);
  const matched = filter ? evaluated.filter((i) => evalCondition(filter, i)) : evaluated;
  const out: Record<string, unknown> = { Count: matched.length, ScannedCount: evaluated.length };
  if (input.Select !== 'COUNT') out.Items = matched.map((i) => toOutput(project ? project(i) : i));
  if (limit !== undefined && start + limit < all.length && evaluated.length) out.LastEvaluatedKey = toOutput(keyOf(table, evaluated[evaluated.length - 1]!, 'item'));
  return out;
}

function returnValues(kind: unknown, old: Item | undefined, next: Item | undefined, touched: string[] = []): Record<string, unknown> {
  const pick = (item: Item | undefined) => (item ? Object.fromEntries(Object.entries(item).filter(([k]) => touched.includes(k))) : undefined);
  const attrs = kind === 'ALL_OLD' ? old : kind === 'ALL_NEW' ? next : kind === 'UPDATED_OLD' ? pick(old) : kind === 'UPDATED_NEW' ? pick(next) : undefined;
  return attrs && Object.keys(attrs).length ? { Attributes: toOutput(attrs) } : {};
}

function describe(t: Table): Record<string, unknown> {
  const attrs = [{ AttributeName: t.hashKey, AttributeType: t.hashType }];
  const schema = [{ AttributeName: t.hashKey, KeyType: 'HASH' }];
  if (t.rangeKey) {
    attrs.push({ AttributeName: t.rangeKey, AttributeType: t.rangeType! });
    schema.push({ AttributeName: t.rangeKey, KeyType: 'RANGE' });
  }
  return {
    TableName: t.name,
    TableArn: tableArn(t.name),
    TableStatus: 'ACTIVE',
    KeySchema: schema,
    AttributeDefinitions: attrs,
    ItemCount: t.items.size,
    CreationDateTime: new Date(t.createdAt),
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    ...(t.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: t.stream.viewType }, LatestStreamLabel: t.stream.label, LatestStreamArn: t.stream.arn } : {}),
  };
}

export function dynamoOperations(store: DynamoStore): OperationTable {
  return {
    CreateTable: {
      permissions: perm('dynamodb:CreateTable'),
      run(input, ctx) {
        const name = requireString(input, 'TableName');
        if (name.length < 3 || name.length > 255) throw validation(`1 validation error detected: Value '${name}' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3`);
        if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw validation(`1 validation error detected: Value '${name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`);
        if (store.tables.has(name)) throw awsError('ResourceInUseException', `Table already exists: ${name}`, 400);
        const schema = Array.isArray(input.KeySchema) ? (input.KeySchema as { AttributeName?: string; KeyType?: string }[]) : [];
        const defs = Array.isArray(input.AttributeDefinitions) ? (input.AttributeDefinitions as { AttributeName?: string; AttributeType?: string }[]) : [];
        const hash = schema.find((k) => k.KeyType === 'HASH')?.AttributeName;
        const range = schema.find((k) => k.KeyType === 'RANGE')?.AttributeName;
        if (!hash) throw validation('1 validation error detected: Value null at \'keySchema\' failed to satisfy constraint: Member must not be null');
        const typeOfKey = (n: string) => {
          const t = defs.find((d) => d.AttributeName === n)?.AttributeType;
          if (t !== 'S' && t !== 'N' && t !== 'B') throw validation('One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [' + n + '], AttributeDefinitions: [' + defs.map((d) => d.AttributeName).join(', ') + ']');
          return t;
        };
        const table: Table = { name, createdAt: ctx.now, hashKey: hash, hashType: typeOfKey(hash), items: new Map() };
        if (range) {
          table.rangeKey = range;
          table.rangeType = typeOfKey(range);
        }
        const spec = asRecord(input.StreamSpecification);
        if (spec.StreamEnabled === true) {
          const label = new Date(ctx.now).toISOString().replace('Z', '');
          table.stream = { viewType: String(spec.StreamViewType ?? 'NEW_AND_OLD_IMAGES'), label, arn: `${tableArn(name)}/stream/${label}`, sequence: 0 };
        }
        store.tables.set(name, table);
        return { TableDescription: { ...describe(table), TableStatus: 'ACTIVE' } };
      },
    },
    DescribeTable: { permissions: perm('dynamodb:DescribeTable'), run: (input) => ({ Table: describe(tableOf(store, input)) }) },
    ListTables: { permissions: () => [{ action: 'dynamodb:ListTables', resource: '*' }], run: () => ({ TableNames: [...store.tables.keys()].sort() }) },
    DeleteTable: {
      permissions: perm('dynamodb:DeleteTable'),
      run(input) {
        const t = tableOf(store, input);
        store.tables.delete(t.name);
        return { TableDescription: { ...describe(t), TableStatus: 'DELETING' } };
      },
    },
    PutItem: {
      permissions: perm('dynamodb:PutItem'),
      run(input, ctx) {
        const table = tableOf(store, input);
        const item = normalizeItem(input.Item);
        const k = keyString(table, keyOf(table, item, 'item'));
        const ectx = expressionContext(input);
        const cond = conditionOf(input, 'ConditionExpression', ectx);
        checkUnused(input, ectx);
        checkSize(item);
        const old = table.items.get(k);
        if (cond && !evalCondition(cond, old ?? {})) throw conditionFailed();
        put(ctx, table, item);
        return returnValues(input.ReturnValues, old, item);
      },
    },
    GetItem: {
      permissions: perm('dynamodb:GetItem'),
      run(input) {
        const table = tableOf(store, input);
        const key = keyOf(table, normalizeItem(input.Key), 'key');
        const ectx = expressionContext(input);
        const project = projection(input, ectx);
        checkUnused(input, ectx);
        const item = table.items.get(keyString(table, key));
        return item ? { Item: toOutput(project ? project(item) : item) } : {};
      },
    },
    UpdateItem: {
      permissions: perm('dynamodb:UpdateItem'),
      run(input, ctx) {
        const table = tableOf(store, input);
        const key = keyOf(table, normalizeItem(input.Key), 'key');
        const ectx = expressionContext(input);
        const text = optionalString(input, 'UpdateExpression');
        const actions = text ? parseUpdate(text, ectx) : [];
        const cond = conditionOf(input, 'ConditionExpression', ectx);
        checkUnused(input, ectx);
        const touched = touchedAttributes(actions);
        for (const a of touched) if (a === table.hashKey || a === table.rangeKey) throw validation(`One or more parameter values were invalid: Cannot update attribute ${a}. This attribute is part of the key`);
        const old = table.items.get(keyString(table, key));
        if (cond && !evalCondition(cond, old ?? {})) throw conditionFailed();
        const next = applyUpdate(old ?? structuredClone(key), actions);
        checkSize(next);
        put(ctx, table, next);
        return returnValues(input.ReturnValues, old, next, touched);
      },
    },
    DeleteItem: {
      permissions: perm('dynamodb:DeleteItem'),
      run(input, ctx) {
        const table = tableOf(store, input);
        const key = keyOf(table, normalizeItem(input.Key), 'key');
        const ectx = expressionContext(input);
        const cond = conditionOf(input, 'ConditionExpression', ectx);
        checkUnused(input, ectx);
        const k = keyString(table, key);
        const old = table.items.get(k);
        if (cond && !evalCondition(cond, old ?? {})) throw conditionFailed();
        if (old) {
          table.items.delete(k);
          recordChange(ctx, table, old, undefined);
        }
        return returnValues(input.ReturnValues, old, undefined);
      },
    },
    Query: {
      permissions: perm('dynamodb:Query'),
      run(input) {
        const table = tableOf(store, input);
        if (input.IndexName !== undefined) throw validation(`The table does not have the specified index: ${String(input.IndexName)}`);
        const ectx = expressionContext(input);
        const text = optionalString(input, 'KeyConditionExpression');
        if (text === undefined) throw validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
        const { hash, rest } = keyConditionParts(table, parseConditionExpression(text, 'KeyConditionExpression', ectx));
        const filter = conditionOf(input, 'FilterExpression', ectx);
        let items = partitionItems(table, hash).filter((i) => rest.every((c) => evalCondition(c, i)));
        if (input.ScanIndexForward === false) items = items.reverse();
        return page(table, items, input, ectx, filter);
      },
    },
    Scan: {
      permissions: perm('dynamodb:Scan'),
      run(input) {
        const table = tableOf(store, input);
        const ectx = expressionContext(input);
        const filter = conditionOf(input, 'FilterExpression', ectx);
        return page(table, [...table.items.values()], input, ectx, filter);
      },
    },
    BatchWriteItem: {
      permissions: (input) => Object.keys(asRecord(input.RequestItems)).map((t) => ({ action: 'dynamodb:BatchWriteItem', resource: tableArn(t) })),
      run(input, ctx) {
        const requests = Object.entries(asRecord(input.RequestItems));
        if (requests.reduce((n, [, r]) => n + (Array.isArray(r) ? r.length : 0), 0) > 25) throw validation('Too many items requested for the BatchWriteItem call');
        for (const [name, list] of requests) {
          const table = store.tables.get(name);
          if (!table) throw notFound();
          for (const r of (Array.isArray(list) ? list : []) as Record<string, Record<string, unknown>>[]) {
            if (r.PutRequest) put(ctx, table, normalizeItem(r.PutRequest.Item));
            else if (r.DeleteRequest) {
              const k = keyString(table, keyOf(table, normalizeItem(r.DeleteRequest.Key), 'key'));
              const old = table.items.get(k);
              if (old) {
                table.items.delete(k);
                recordChange(ctx, table, old, undefined);
              }
            }
          }
        }
        return { UnprocessedItems: {} };
      },
    },
    BatchGetItem: {
      permissions: (input) => Object.keys(asRecord(input.RequestItems)).map((t) => ({ action: 'dynamodb:BatchGetItem', resource: tableArn(t) })),
      run(input) {
        const responses: Record<string, unknown[]> = {};
        for (const [name, req] of Object.entries(asRecord(input.RequestItems))) {
          const table = store.tables.get(name);
          if (!table) throw notFound();
          const keys = Array.isArray(asRecord(req).Keys) ? (asRecord(req).Keys as unknown[]) : [];
          responses[name] = keys.map((k) => table.items.get(keyString(table, keyOf(table, normalizeItem(k), 'key')))).filter((i): i is Item => !!i).map(toOutput);
        }
        return { Responses: responses, UnprocessedKeys: {} };
      },
    },
  };
}
