/** `coldstart --help` lists every command; each command's --help documents every option it accepts. */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../sandbox/cli/main.ts';
import { runColdstart } from './run-coldstart.ts';

describe('help', () => {
  it('lists every command with its arguments in coldstart --help', async () => {
    const r = await runColdstart(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}tune <file> +Power tuning/m);
    expect(r.stdout).toMatch(/^ {2}cost +A month of Lambda's bill/m);
    expect(r.stdout).toMatch(/^ {2}check <lesson> <file> +Run a lesson's exercise checks/m);
    for (const command of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^ {2}${command.name}\\b`, 'm'));
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    'coldstart %s --help documents every option',
    async (name, command) => {
      const r = await runColdstart([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: coldstart ${name}`);
      for (const [option, spec] of Object.entries(command.options)) {
        const value = spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : '';
        expect(r.stdout).toContain(`--${option}${value}`);
      }
      expect(r.stdout).toContain('-h, --help');
    },
  );

  it('documents the cost options with their units', async () => {
    const flat = (await runColdstart(['cost', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('--requests N Requests per month (whole number). Required.');
    expect(flat).toContain(
      '--provisioned-hours H Hours a month provisioned concurrency is enabled, 0-730. Default: 730 (all month).',
    );
    expect(flat).toContain('coldstart cost --requests 3000000 --duration-ms 120 --memory 1536');
  });
});
