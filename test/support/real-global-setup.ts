// Before the first real suite: what the shop's own names hold on the servers, handed to clean-run.real.test.ts,
// which runs last and checks that the whole run left them exactly so.
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../platform/config.ts';
import { realEnv } from './namespace.ts';
import { footprintOf, type Footprint } from './servers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    shopFootprint: Footprint;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const config = loadConfig(realEnv());
  project.provide('shopFootprint', await footprintOf(config));
}
