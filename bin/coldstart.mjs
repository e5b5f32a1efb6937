#!/usr/bin/env node
// The `coldstart` command. Coldstart's sources are TypeScript that Node runs directly (type
// stripping, Node >= 22.18). When an older Node starts this file (the machine's Node 20, say),
// it runs the same command again with the Node 24 that the project installs as the `node` npm
// package, passing arguments, standard streams, exit code and signals through.
// Plain JavaScript, no dependencies: this file itself must run on any Node >= 18.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN_MAJOR = 22;
const MIN_MINOR = 18;
/** Set in the re-executed child so a Node that still cannot strip types never loops. */
const REEXEC_MARK = 'COLDSTART_REEXECUTED';

function canStripTypes() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const recentEnough = major > MIN_MAJOR || (major === MIN_MAJOR && minor >= MIN_MINOR);
  // process.features.typescript is 'strip' or 'transform' when enabled, false when disabled
  // (e.g. --no-experimental-strip-types) and undefined on Node versions without it.
  return recentEnough && Boolean(process.features && process.features.typescript);
}

function projectNode() {
  const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
  const binary = process.platform === 'win32' ? 'node.exe' : 'node';
  return join(packageRoot, 'node_modules', 'node', 'bin', binary);
}

function explainAndExit(detail) {
  process.stderr.write(
    `coldstart: needs Node.js ${MIN_MAJOR}.${MIN_MINOR} or newer with TypeScript type stripping; this is Node.js ${process.version}.\n` +
      `${detail}\n` +
      'Fix: run `npm install` in the Coldstart folder (it installs Node 24 as the `node` package, which\n' +
      'coldstart then uses by itself), or run coldstart with Node.js 22.18 or newer.\n',
  );
  process.exit(3);
}

function reexec() {
  const node = projectNode();
  if (process.env[REEXEC_MARK]) explainAndExit(`The project's Node (${node}) could not run the TypeScript sources either.`);
  if (!existsSync(node)) explainAndExit(`The project's own Node was not found at ${node}.`);
  const child = spawn(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [REEXEC_MARK]: '1' },
  });
  // Forward signals sent to this process (kill, a closing terminal) so the child ends too.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (err) => explainAndExit(`Starting ${node} failed: ${err.message}`));
  child.on('exit', (code, signal) => {
    if (signal) {
      // Die of the same signal, so a caller sees what the child saw.
      for (const s of signals) process.removeListener(s, forward);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

if (canStripTypes()) {
  const { main } = await import('../sandbox/cli/main.ts');
  await main();
} else {
  reexec();
}
