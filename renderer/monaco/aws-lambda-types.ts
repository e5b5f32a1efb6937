/**
 * @types/aws-lambda for the code editor, so the starter's `@param {import('aws-lambda').Context}`
 * JSDoc gives IntelliSense on `event` and `context`. index.d.ts re-exports ~60 other files
 * (trigger/*, common/*), so all of them are added, each at its real path under
 * file:///node_modules/@types/aws-lambda/ where TypeScript's node resolution looks for 'aws-lambda'.
 * This module is only imported by the lazily loaded Monaco chunk, so the texts never reach start-up JS.
 */
const files = import.meta.glob<string>('../../node_modules/@types/aws-lambda/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** [path inside the virtual file system, file text] for every declaration file. */
export function awsLambdaTypeFiles(): [string, string][] {
  return Object.entries(files).map(([path, text]) => {
    const relative = path.slice(path.indexOf('node_modules/@types/aws-lambda/'));
    return [`file:///${relative}`, text];
  });
}
