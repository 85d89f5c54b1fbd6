// Runs the shop as its own process (as people do) and finds the URL it prints, for e2e tests and HTTP benches.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SpawnedShop {
  /** The base URL, once the shop listens. */
  url: Promise<string>;
  dataDir: string;
  /** The shop's process id (benches read its threads' CPU time). */
  pid: number;
  /** Ends the shop (and what it started) and removes its data folder once it has exited. */
  stop(): Promise<void>;
}

/** `command args` with a fresh data folder and `env` on top of this process's environment. */
export function spawnShop(command: string, args: string[], env: Record<string, string> = {}): SpawnedShop {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-shop-'));
  const child = spawn(command, args, {
    env: { ...process.env, EMPORIUM_DATA_DIR: dataDir, EMPORIUM_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group, so stop() also ends what npm starts underneath.
    detached: true,
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /API docs\s+(http:\/\/\S+)\/docs/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${out}`)));
  });
  return {
    url,
    dataDir,
    pid: child.pid!,
    async stop() {
      if (child.pid && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
