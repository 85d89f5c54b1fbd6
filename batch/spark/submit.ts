// `npm run spark:submit -- [--master URL] [--driver-memory 4g] JOB --opt value ... [+ JOB ...]`:
// the Spark jobs with their options defaulted from the EMPORIUM_* configuration (see launcher.ts).
import { loadConfig } from '../../platform/config.ts';
import { runSpark, withDefaults } from './launcher.ts';

const words = process.argv.slice(2);
let master: string | undefined;
let driverMemory: string | undefined;
while (words[0] === '--master' || words[0] === '--driver-memory') {
  const [name, value] = words.splice(0, 2);
  if (name === '--master') master = value;
  else driverMemory = value;
}
const config = loadConfig();
const jobs: string[][] = [[]];
for (const w of words)
  if (w === '+') jobs.push([]);
  else jobs.at(-1)!.push(w);
if (jobs.some((j) => j.length === 0)) {
  console.error('usage: npm run spark:submit -- [--master URL] [--driver-memory 2g] JOB --opt value ... [+ JOB ...]');
  process.exit(2);
}
await runSpark(
  { master, driverMemory, jobs: jobs.map(([job, ...options]) => [job!, ...withDefaults(job!, options, config)]) },
  (line) => console.log(line),
);
