/**
 * A small course whose one lesson publishes two versions of a `greeter` layer: a copy of the
 * fixture lesson 01-passes with its exercise, starter and solution replaced.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PASSES = fileURLToPath(new URL('../fixtures/course/01-passes', import.meta.url));

export const GREETER_V1 = 'arn:aws:lambda:us-east-1:123456789012:layer:greeter:1';
export const GREETER_V2 = 'arn:aws:lambda:us-east-1:123456789012:layer:greeter:2';
export const OLD_RUNTIME = 'arn:aws:lambda:us-east-1:123456789012:layer:old-runtime:1';

const EXERCISE = `layers:
  - name: greeter
    version: 1
    description: { en: Greets in English, ko: 영어로 인사해요 }
    compatibleRuntimes: [nodejs22.x, nodejs24.x]
    files:
      nodejs/node_modules/greeter/index.js: "exports.greet = (n) => 'Hello, ' + n + '!';"
      nodejs/greeting.txt: Hello
  - name: greeter
    version: 2
    files:
      nodejs/node_modules/greeter/index.js: "exports.greet = (n) => 'Hi, ' + n + '!';"
  - name: old-runtime
    version: 1
    compatibleRuntimes: [nodejs22.x]
    compatibleArchitectures: [arm64]
    files:
      lib/libold.so: ''
config:
  layers: [${GREETER_V1}]
tasks:
  - id: greet-with-layer
    title: { en: Greet with the layer, ko: 레이어로 인사해요 }
    hints:
      - { en: "import { greet } from 'greeter'", ko: "import { greet } from 'greeter'" }
  - id: greet-with-v2
    title: { en: Greet with version 2, ko: 버전 2로 인사해요 }
    hints:
      - { en: Nothing to change, ko: 바꿀 것이 없어요 }
`;

const CHECKS = `export const checks = {
  'greet-with-layer': async (h) => {
    const record = await h.invoke({ event: { name: 'Ada' } });
    h.check(h.object(record).message === 'Hello, Ada!', 'Hello, Ada!', () => h.describe(record));
  },
  'greet-with-v2': async (h) => {
    const record = await h.invoke({ event: { name: 'Ada' }, layers: ['${GREETER_V2}'] });
    h.check(h.object(record).message === 'Hi, Ada!', 'Hi, Ada!', () => h.describe(record));
    const refused = await h.invoke({ layers: ['${GREETER_V2.replace(/:2$/, ':9')}'] });
    h.check(!refused.ok && refused.error.errorType === 'InvalidParameterValueException', 'a refused layer', () => h.describe(refused));
  },
};
`;

/** Writes the course under `root` and returns its lessons folder. */
export function courseWithLayers(root: string): string {
  const lessons = join(root, 'lessons');
  const dir = join(lessons, '01-passes');
  mkdirSync(lessons, { recursive: true });
  cpSync(PASSES, dir, { recursive: true });
  writeFileSync(join(dir, 'exercise.yaml'), EXERCISE);
  writeFileSync(join(dir, 'checks.ts'), CHECKS);
  const starter = "export const handler = async () => ({ message: 'Hello' });\n";
  const solution =
    "import { greet } from 'greeter';\nexport const handler = async (event) => ({ message: greet(event.name) });\n";
  writeFileSync(join(dir, 'starter.mjs'), starter);
  writeFileSync(join(dir, 'solution.mjs'), solution);
  // The Korean variants: the same programs, commented in Korean.
  writeFileSync(join(dir, 'starter.ko.mjs'), `// 할 일: greeter 레이어로 인사하세요.\n${starter}`);
  writeFileSync(join(dir, 'solution.ko.mjs'), `// 정답: greeter 레이어의 greet로 인사해요.\n${solution}`);
  return lessons;
}
