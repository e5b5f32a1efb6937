import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../sandbox/account/account-types.ts';
import { rejection, testAccount } from './helpers.ts';

const table = {
  TableName: 'Orders',
  KeySchema: [{ AttributeName: 'customer', KeyType: 'HASH' }, { AttributeName: 'orderNo', KeyType: 'RANGE' }],
  AttributeDefinitions: [{ AttributeName: 'customer', AttributeType: 'S' }, { AttributeName: 'orderNo', AttributeType: 'N' }],
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
};

async function seeded() {
  const t = testAccount();
  await t.admin('dynamodb', 'CreateTable', table);
  for (const n of [3, 1, 2, 10]) await t.admin('dynamodb', 'PutItem', { TableName: 'Orders', Item: { customer: { S: 'kim' }, orderNo: { N: String(n) }, total: { N: String(n * 10) } } });
  await t.admin('dynamodb', 'PutItem', { TableName: 'Orders', Item: { customer: { S: 'lee' }, orderNo: { N: '1' } } });
  return t;
}

type Items = { Items: Record<string, { N?: string; S?: string }>[]; Count: number; LastEvaluatedKey?: unknown };

// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html and Expressions.ConditionExpressions.html
describe('DynamoDB', () => {
  it('PutItem with attribute_not_exists fails with ConditionalCheckFailedException on an existing item (Expressions.ConditionExpressions.html)', async () => {
    const { admin } = await seeded();
    const e = await rejection(admin('dynamodb', 'PutItem', { TableName: 'Orders', Item: { customer: { S: 'kim' }, orderNo: { N: '1' } }, ConditionExpression: 'attribute_not_exists(customer)' }));
    expect([e.name, e.message]).toEqual(['ConditionalCheckFailedException', 'The conditional request failed']);
    await admin('dynamodb', 'PutItem', { TableName: 'Orders', Item: { customer: { S: 'kim' }, orderNo: { N: '99' } }, ConditionExpression: 'attribute_not_exists(customer)' });
  });
  it('GetItem returns the item; a missing table is ResourceNotFoundException (Programming.Errors.html)', async () => {
    const { admin } = await seeded();
    const got = await admin<{ Item: unknown }>('dynamodb', 'GetItem', { TableName: 'Orders', Key: { customer: { S: 'kim' }, orderNo: { N: '2' } } });
    expect(got.Item).toEqual({ customer: { S: 'kim' }, orderNo: { N: '2' }, total: { N: '20' } });
    const e = await rejection(admin('dynamodb', 'GetItem', { TableName: 'Nope', Key: { id: { S: 'x' } } }));
    expect([e.name, e.message]).toEqual(['ResourceNotFoundException', 'Requested resource not found']);
    const k = await rejection(admin('dynamodb', 'GetItem', { TableName: 'Orders', Key: { customer: { S: 'kim' } } }));
    expect([k.name, k.message]).toEqual(['ValidationException', 'The provided key element does not match the schema']);
  });
  it('UpdateItem applies SET, REMOVE and ADD with names and values (Expressions.UpdateExpressions.html)', async () => {
    const { admin } = await seeded();
    const out = await admin<{ Attributes: unknown }>('dynamodb', 'UpdateItem', {
      TableName: 'Orders',
      Key: { customer: { S: 'kim' }, orderNo: { N: '1' } },
      UpdateExpression: 'SET #s = :s, total = total + :d, tags = list_append(if_not_exists(tags, :empty), :t) REMOVE obsolete ADD visits :one',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': { S: 'SHIPPED' }, ':d': { N: '5' }, ':t': { L: [{ S: 'gift' }] }, ':empty': { L: [] }, ':one': { N: '1' } },
      ReturnValues: 'ALL_NEW',
    });
    expect(out.Attributes).toEqual({ customer: { S: 'kim' }, orderNo: { N: '1' }, total: { N: '15' }, status: { S: 'SHIPPED' }, tags: { L: [{ S: 'gift' }] }, visits: { N: '1' } });
    const unused = await rejection(admin('dynamodb', 'UpdateItem', { TableName: 'Orders', Key: { customer: { S: 'kim' }, orderNo: { N: '1' } }, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': { N: '1' }, ':b': { N: '2' } } }));
    expect(unused.message).toBe('Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}');
  });
  it('Query uses KeyConditionExpression (=, BETWEEN, begins_with, <, >), sorts numerically, honours ScanIndexForward and Limit (Query.html)', async () => {
    const { admin } = await seeded();
    const q = (expr: string, values: Record<string, unknown>, extra: Record<string, unknown> = {}) => admin<Items>('dynamodb', 'Query', { TableName: 'Orders', KeyConditionExpression: expr, ExpressionAttributeValues: values, ...extra });
    const nos = (r: Items) => r.Items.map((i) => Number(i.orderNo!.N));
    expect(nos(await q('customer = :c', { ':c': { S: 'kim' } }))).toEqual([1, 2, 3, 10]);
    expect(nos(await q('customer = :c AND orderNo BETWEEN :a AND :b', { ':c': { S: 'kim' }, ':a': { N: '2' }, ':b': { N: '3' } }))).toEqual([2, 3]);
    expect(nos(await q('customer = :c AND orderNo > :a', { ':c': { S: 'kim' }, ':a': { N: '2' } }, { ScanIndexForward: false }))).toEqual([10, 3]);
    const page = await q('customer = :c AND orderNo < :a', { ':c': { S: 'kim' }, ':a': { N: '100' } }, { Limit: 2 });
    expect(nos(page)).toEqual([1, 2]);
    const next = await q('customer = :c AND orderNo < :a', { ':c': { S: 'kim' }, ':a': { N: '100' } }, { Limit: 2, ExclusiveStartKey: page.LastEvaluatedKey });
    expect(nos(next)).toEqual([3, 10]);
    const missing = await rejection(q('orderNo = :a', { ':a': { N: '1' } }));
    expect(missing.message).toBe('Query condition missed key schema element: customer');
  });
  it('Query begins_with on a string sort key, Scan with FilterExpression (Scan.html)', async () => {
    const { admin } = testAccount();
    await admin('dynamodb', 'CreateTable', { TableName: 'Files', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'path', KeyType: 'RANGE' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'path', AttributeType: 'S' }] });
    for (const p of ['img/a', 'img/b', 'doc/c']) await admin('dynamodb', 'PutItem', { TableName: 'Files', Item: { pk: { S: 'u' }, path: { S: p }, size: { N: String(p.length) } } });
    const r = await admin<Items>('dynamodb', 'Query', { TableName: 'Files', KeyConditionExpression: 'pk = :p AND begins_with(#path, :img)', ExpressionAttributeNames: { '#path': 'path' }, ExpressionAttributeValues: { ':p': { S: 'u' }, ':img': { S: 'img/' } } });
    expect(r.Items.map((i) => i.path!.S)).toEqual(['img/a', 'img/b']);
    const s = await admin<Items & { ScannedCount: number }>('dynamodb', 'Scan', { TableName: 'Files', FilterExpression: 'begins_with(#p, :d)', ExpressionAttributeNames: { '#p': 'path' }, ExpressionAttributeValues: { ':d': { S: 'doc' } } });
    expect([s.Count, s.ScannedCount]).toEqual([1, 3]);
  });
  it('streams emit INSERT, MODIFY and REMOVE records with NEW_AND_OLD_IMAGES (streams-lambda / API_streams_StreamRecord.html)', async () => {
    const { account, admin } = await seeded();
    const records: { eventName: string; dynamodb: { OldImage?: unknown; NewImage?: unknown; Keys: unknown } }[] = [];
    account.onEvent((e: AccountEvent) => {
      if (e.kind === 'dynamodb:stream') records.push(e.detail.record as never);
    });
    await admin('dynamodb', 'PutItem', { TableName: 'Orders', Item: { customer: { S: 'park' }, orderNo: { N: '1' } } });
    await admin('dynamodb', 'UpdateItem', { TableName: 'Orders', Key: { customer: { S: 'park' }, orderNo: { N: '1' } }, UpdateExpression: 'SET paid = :t', ExpressionAttributeValues: { ':t': { BOOL: true } } });
    await admin('dynamodb', 'DeleteItem', { TableName: 'Orders', Key: { customer: { S: 'park' }, orderNo: { N: '1' } } });
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    expect(records[1]!.dynamodb.OldImage).toEqual({ customer: { S: 'park' }, orderNo: { N: '1' } });
    expect(records[1]!.dynamodb.NewImage).toEqual({ customer: { S: 'park' }, orderNo: { N: '1' }, paid: { BOOL: true } });
    expect(records[2]!.dynamodb.NewImage).toBeUndefined();
    expect(account.snapshot().tables[0]!.items).toHaveLength(5);
  });
});
