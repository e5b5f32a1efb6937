/** The Lambda console's default test event ("hello-world" template). */
import { defineEventTemplate } from '../template-types.ts';

const value = <N extends 1 | 2 | 3>(n: N) =>
  ({
    name: `key${n}`,
    kind: 'string',
    default: `value${n}`,
    label: { en: `key${n}`, ko: `key${n}` },
    description: { en: `The value of "key${n}".`, ko: `"key${n}"의 값.` },
  }) as const;

export const helloWorld = defineEventTemplate({
  name: 'hello-world',
  title: { en: 'Hello world (console default test event)', ko: 'Hello world (콘솔 기본 테스트 이벤트)' },
  invocation: 'sync',
  awsType: null,
  source: 'https://docs.aws.amazon.com/lambda/latest/dg/testing-functions.html',
  parameters: [value(1), value(2), value(3)],
  build(p): Record<string, string> {
    return { key1: p.key1, key2: p.key2, key3: p.key3 };
  },
});
