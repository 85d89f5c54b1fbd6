// The `emporium` command: one entry point for serving, streaming, batch jobs, seeding and ingest.
import { Command } from 'commander';
import { accessCommand } from './access.ts';
import { batchCommand } from './batch.ts';
import { ingestCommand } from './ingest.ts';
import { lakeCommand } from './lake.ts';
import { reportsCommand } from './reports.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { simulateCommand } from './simulate.ts';

const program = new Command('emporium')
  .description('Emporium: an open e-commerce shop that is also a data platform')
  .showHelpAfterError()
  .addCommand(serveCommand())
  .addCommand(seedCommand())
  .addCommand(ingestCommand())
  .addCommand(batchCommand())
  .addCommand(simulateCommand())
  .addCommand(reportsCommand())
  .addCommand(lakeCommand())
  .addCommand(accessCommand());

await program.parseAsync(process.argv);
