/** The data of the simulated DynamoDB: tables, their key schema, items and stream settings. */
import { validation } from '../errors.ts';
import { compareValues, typeOf, type AttributeValue, type Item } from './attribute-values.ts';

export interface Table {
  name: string;
  createdAt: number;
  hashKey: string;
  hashType: 'S' | 'N' | 'B';
  rangeKey?: string;
  rangeType?: 'S' | 'N' | 'B';
  /** Key string -> item. */
  items: Map<string, Item>;
  stream?: { viewType: string; label: string; arn: string; sequence: number };
}

export class DynamoStore {
  readonly tables = new Map<string, Table>();
}

/** The key attributes of an item (or a key), checked against the schema. */
export function keyOf(table: Table, raw: Item, what: 'key' | 'item'): Item {
  const key: Item = {};
  for (const [name, type] of [[table.hashKey, table.hashType], [table.rangeKey, table.rangeType]] as const) {
    if (!name) continue;
    const v = raw[name];
    if (!v) throw validation(what === 'item' ? `One or more parameter values were invalid: Missing the key ${name} in the item` : 'The provided key element does not match the schema');
    if (typeOf(v) !== type) throw validation(what === 'item' ? `One or more parameter values were invalid: Type mismatch for key ${name} expected: ${type} actual: ${typeOf(v)}` : 'The provided key element does not match the schema');
    key[name] = v;
  }
  if (what === 'key' && Object.keys(raw).length !== Object.keys(key).length) throw validation('The provided key element does not match the schema');
  return key;
}

/** The map key of an item's primary key (numbers normalised, so 1 and 1.0 are one item). */
export function keyString(table: Table, key: Item): string {
  const part = (v: AttributeValue | undefined) => (v === undefined ? '' : v.N !== undefined ? `N${Number(v.N)}` : `${typeOf(v)}${v.S ?? v.B}`);
  return JSON.stringify([part(key[table.hashKey]), table.rangeKey ? part(key[table.rangeKey]) : '']);
}

/** Items of one partition in sort-key order. */
export function partitionItems(table: Table, hash: AttributeValue): Item[] {
  const items = [...table.items.values()].filter((i) => compareValues(i[table.hashKey]!, hash) === 0);
  if (table.rangeKey) items.sort((a, b) => compareValues(a[table.rangeKey!]!, b[table.rangeKey!]!) ?? 0);
  return items;
}
