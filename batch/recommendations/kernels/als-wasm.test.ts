// als.wasm is checked in (so running the shop needs no AssemblyScript build); this keeps it the
// compiled form of assembly/als.ts.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };

interface AscApi {
  main(args: string[]): Promise<{ error: Error | null; stderr: { toString(): string } }>;
}

it('als.wasm is what `npm run build:wasm` makes of assembly/als.ts', async () => {
  // Imported by a name TypeScript does not follow: the compiler's own typings redeclare Array globally.
  const specifier = 'assemblyscript/asc';
  const asc = ((await import(specifier)) as { default: AscApi }).default;
  const dir = await mkdtemp(join(tmpdir(), 'als-wasm-'));
  try {
    const out = join(dir, 'als.wasm');
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const args = packageJson.scripts['build:wasm'].split(' ').slice(1);
    const { error, stderr } = await asc.main(
      args.map((a, i) => (args[i - 1] === '-o' ? out : a.startsWith('batch/') ? join(root, a) : a)),
    );
    expect(error, stderr.toString()).toBeNull();
    const fresh = await readFile(out);
    const committed = await readFile(new URL('./als.wasm', import.meta.url));
    expect(Buffer.compare(fresh, committed), 'run npm run build:wasm and commit als.wasm').toBe(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
