// Model versions on disk: each version one file written whole under a temporary name and renamed, then
// `current.json` (the pointer readers start from) replaced the same way, so a reader sees the old
// version or the new one, never half of one. Readers load a version whole and keep it.
//
// A version file: the 8 bytes "EMPALS01", a little-endian u32 header length, the JSON header (ModelHeader),
// zero padding to a multiple of 16, then the arrays the header's `arrays` place (offsets from the file's
// start; little-endian Float32 and Int32).
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Csr } from './csr.ts';

const MAGIC = 'EMPALS01';
const POINTER = 'current.json';

/** Everything serving needs: ids for indices both ways, factors, and what each shopper already had. */
export interface RecsModel {
  factors: number;
  userIds: string[];
  itemIds: string[];
  categories: string[];
  /** Category index per item, −1 for none. */
  itemCategory: Int32Array;
  /** Row-major users × factors and items × factors. */
  userFactors: Float32Array;
  itemFactors: Float32Array;
  /** Shoppers × items seen in training (excluded from their recommendations). */
  seen: Csr;
  /** How it was trained (options, losses, signal counts): shown, not interpreted. */
  training: Record<string, unknown>;
}

export interface StoredModel extends RecsModel {
  version: string;
  createdAt: number;
}

interface ModelHeader {
  format: 'emporium-als/1';
  version: string;
  createdAt: number;
  factors: number;
  userIds: string[];
  itemIds: string[];
  categories: string[];
  training: Record<string, unknown>;
  arrays: Record<ArrayName, { offset: number; length: number; type: 'float32' | 'int32' }>;
}
type ArrayName = 'userFactors' | 'itemFactors' | 'itemCategory' | 'seenIndptr' | 'seenIndices' | 'seenData';

/** Writes a new version and switches readers to it; keeps the newest `keep` versions. Returns the version. */
export async function writeModel(dir: string, model: RecsModel, now = Date.now(), keep = 3): Promise<string> {
  await mkdir(dir, { recursive: true });
  const version = `${new Date(now).toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
  const nnz = model.seen.indptr[model.seen.rows]!;
  const arrays: [ArrayName, Float32Array | Int32Array][] = [
    ['userFactors', model.userFactors],
    ['itemFactors', model.itemFactors],
    ['itemCategory', model.itemCategory],
    ['seenIndptr', model.seen.indptr],
    ['seenIndices', model.seen.indices.subarray(0, nnz)],
    ['seenData', model.seen.data.subarray(0, nnz)],
  ];
  const header: ModelHeader = {
    format: 'emporium-als/1',
    version,
    createdAt: now,
    factors: model.factors,
    userIds: model.userIds,
    itemIds: model.itemIds,
    categories: model.categories,
    training: model.training,
    arrays: {} as ModelHeader['arrays'],
  };
  // Offsets depend on the header's length, which depends on the offsets' digits: place arrays after a
  // generous estimate of the header, then pad the header to it.
  const estimate = Buffer.byteLength(JSON.stringify(header)) + 1024;
  let offset = align(12 + estimate);
  for (const [name, a] of arrays) {
    header.arrays[name] = { offset, length: a.length, type: a instanceof Float32Array ? 'float32' : 'int32' };
    offset = align(offset + a.byteLength);
  }
  const json = Buffer.from(JSON.stringify(header));
  if (json.length > estimate) throw new Error(`model header outgrew its space (${json.length} > ${estimate} bytes)`);
  const start = Buffer.alloc(align(12 + estimate));
  start.write(MAGIC, 0, 'latin1');
  start.writeUInt32LE(json.length, 8);
  json.copy(start, 12);
  const file = path.join(dir, `model-${version}.bin`);
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.write(start, 0, start.length, 0);
    for (const [name, a] of arrays) {
      await handle.write(
        new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
        0,
        a.byteLength,
        header.arrays[name].offset,
      );
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  await replaceFile(path.join(dir, POINTER), JSON.stringify({ version, file: path.basename(file) }) + '\n');
  await prune(dir, keep);
  return version;
}

/** The version `current.json` names, loaded whole; null before the first model is written. */
export async function readCurrentModel(dir: string): Promise<StoredModel | null> {
  let pointer: { version: string; file: string };
  try {
    pointer = JSON.parse(await readFile(path.join(dir, POINTER), 'utf8')) as typeof pointer;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return readModelFile(path.join(dir, pointer.file));
}

export async function readModelFile(file: string): Promise<StoredModel> {
  const bytes = await readFile(file);
  if (bytes.toString('latin1', 0, 8) !== MAGIC) throw new Error(`${file} is not an emporium ALS model`);
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + bytes.readUInt32LE(8))) as ModelHeader;
  // Copied out of the file's buffer so each array starts 4-byte aligned whatever Node's pool did.
  const get = (name: ArrayName) => {
    const { offset, length, type } = header.arrays[name];
    const slice = bytes.subarray(offset, offset + length * 4);
    const copy = new Uint8Array(slice);
    return type === 'float32' ? new Float32Array(copy.buffer) : new Int32Array(copy.buffer);
  };
  const users = header.userIds.length;
  return {
    version: header.version,
    createdAt: header.createdAt,
    factors: header.factors,
    userIds: header.userIds,
    itemIds: header.itemIds,
    categories: header.categories,
    training: header.training,
    itemCategory: get('itemCategory') as Int32Array,
    userFactors: get('userFactors') as Float32Array,
    itemFactors: get('itemFactors') as Float32Array,
    seen: {
      rows: users,
      cols: header.itemIds.length,
      indptr: get('seenIndptr') as Int32Array,
      indices: get('seenIndices') as Int32Array,
      data: get('seenData') as Float32Array,
    },
  };
}

const align = (n: number) => Math.ceil(n / 16) * 16;

async function replaceFile(file: string, text: string) {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** Removes all but the newest `keep` versions (names sort by time); a reader mid-load keeps its open file. */
async function prune(dir: string, keep: number) {
  const versions = (await readdir(dir)).filter((f) => /^model-.*\.bin$/.test(f)).sort();
  for (const old of versions.slice(0, Math.max(0, versions.length - keep)))
    await rm(path.join(dir, old), { force: true });
}
