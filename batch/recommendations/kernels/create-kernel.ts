// Makes the ALS kernel a thread asked for: WebAssembly SIMD or the TypeScript one, over the shared memory.
import { jsKernel } from './js-kernel.ts';
import type { Kernel } from './kernel.ts';

/** What a thread needs to make its kernel: a compiled module is cloneable, so threads share one compile. */
export type KernelSpec = { kind: 'js' } | { kind: 'wasm'; module: WebAssembly.Module };

/** The exports of assembly/als.ts: the Kernel's methods with each HalfStep spread into arguments. */
interface WasmExports {
  gram(y: number, k: number, from: number, to: number, out: number): void;
  solve(...args: number[]): void;
  loss(...args: number[]): number;
}

export function createKernel(spec: KernelSpec, memory: WebAssembly.Memory): Kernel {
  if (spec.kind === 'js') return jsKernel(memory);
  const wasm = new WebAssembly.Instance(spec.module, { env: { memory } }).exports as unknown as WasmExports;
  return {
    gram: (y, k, from, to, out) => wasm.gram(y, k, from, to, out),
    solve: (h, steps, from, to, scratch) =>
      wasm.solve(
        ...[h.indptr, h.indices, h.data, h.x, h.y, h.gram, h.factors, h.alpha, h.rowLambda],
        ...[steps, from, to, scratch],
      ),
    loss: (h, from, to, scratch) =>
      wasm.loss(h.indptr, h.indices, h.data, h.x, h.y, h.gram, h.factors, h.alpha, from, to, scratch),
  };
}
