// Compiles the WebAssembly SIMD kernel once per process (threads get the compiled module), or picks the
// TypeScript one.
import { readFile } from 'node:fs/promises';
import type { KernelSpec } from './create-kernel.ts';

let compiled: Promise<WebAssembly.Module | undefined> | undefined;

/** The compiled als.wasm, or undefined where this engine cannot run it (no SIMD or shared memory). */
export function wasmModule(): Promise<WebAssembly.Module | undefined> {
  compiled ??= readFile(new URL('./als.wasm', import.meta.url)).then((bytes) =>
    WebAssembly.validate(bytes) ? WebAssembly.compile(bytes) : undefined,
  );
  return compiled;
}

export async function loadKernelSpec(kind: 'auto' | 'wasm' | 'js'): Promise<KernelSpec> {
  if (kind === 'js') return { kind: 'js' };
  const module = await wasmModule();
  if (module) return { kind: 'wasm', module };
  if (kind === 'wasm') throw new Error('this engine cannot run the WebAssembly SIMD kernel (als.wasm)');
  return { kind: 'js' };
}
