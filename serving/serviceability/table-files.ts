// Where the network and its built table are kept: two files under <dataDir>/serviceability.
import fs from 'node:fs';
import path from 'node:path';
import type { Network } from './network.ts';
import { TatTable } from './tat-table.ts';

export class TableFiles {
  readonly networkFile: string;
  readonly tableFile: string;

  constructor(dataDir: string) {
    const dir = path.join(dataDir, 'serviceability');
    this.networkFile = path.join(dir, 'network.json');
    this.tableFile = path.join(dir, 'tat-table.bin');
  }

  readNetwork(): Network | undefined {
    return fs.existsSync(this.networkFile)
      ? (JSON.parse(fs.readFileSync(this.networkFile, 'utf8')) as Network)
      : undefined;
  }

  readTable(): TatTable | undefined {
    return fs.existsSync(this.tableFile) ? TatTable.fromBuffer(fs.readFileSync(this.tableFile)) : undefined;
  }

  /** Written to a temporary name and renamed, so a reader never sees half a file. */
  write(network: Network, table: TatTable): void {
    fs.mkdirSync(path.dirname(this.networkFile), { recursive: true });
    for (const [file, data] of [
      [this.networkFile, JSON.stringify(network)],
      [this.tableFile, table.toBuffer()],
    ] as const) {
      fs.writeFileSync(`${file}.tmp`, data);
      fs.renameSync(`${file}.tmp`, file);
    }
  }
}
