// One growable shared WebAssembly memory that holds everything ALS touches (interactions, factors,
// Gram matrices, scratch), so worker threads and the WebAssembly kernel share it without copies.
import type { Allocator } from './csr.ts';

const PAGE = 65536;
/** The kernel module's own data may use the first page; arrays start after it. */
const RESERVED = PAGE;

export class Arena implements Allocator {
  readonly memory: WebAssembly.Memory;
  private top = RESERVED;

  /** `bytes` is a first guess of what will be allocated; the memory grows past it when needed. */
  constructor(bytes: number, maximumBytes = 4 * 1024 ** 3) {
    this.memory = new WebAssembly.Memory({
      initial: Math.ceil((bytes + RESERVED) / PAGE),
      maximum: Math.floor(maximumBytes / PAGE),
      shared: true,
    });
  }

  /** Reserves `bytes` (16-byte aligned, for SIMD loads) and returns their byte offset. */
  alloc(bytes: number): number {
    const at = this.top;
    this.top = (at + bytes + 15) & ~15;
    const have = this.memory.buffer.byteLength;
    if (this.top > have) this.memory.grow(Math.ceil((this.top - have) / PAGE));
    return at;
  }

  int32(length: number): Int32Array {
    const at = this.alloc(length * 4);
    return new Int32Array(this.memory.buffer, at, length);
  }

  float32(length: number): Float32Array {
    const at = this.alloc(length * 4);
    return new Float32Array(this.memory.buffer, at, length);
  }

  float64(length: number): Float64Array {
    const at = this.alloc(length * 8);
    return new Float64Array(this.memory.buffer, at, length);
  }

  get bytes(): number {
    return this.top;
  }
}
