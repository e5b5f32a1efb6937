/** The Lambda console's default test event ("hello-world" template). */
export const helloWorld = {
  name: 'hello-world',
  title: 'Hello world (console default test event)',
  invocation: 'sync',
  event: { key1: 'value1', key2: 'value2', key3: 'value3' },
} as const;
