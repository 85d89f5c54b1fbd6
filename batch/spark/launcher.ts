// Runs the Spark jobs (batch/spark/src) in one JVM: `java -cp` with Maven's classpath, the master
// local[*] unless one is named, each job's options defaulted from the shop's resolved config (the lake
// folder, Kafka, the registry, the Cassandra keyspace, the namespace), so the jobs read and write what
// the shop would. Spark's spark-submit distribution is not needed; on a cluster, the same Main class
// and jar can be given to spark-submit instead (see batch/spark/README.md).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../platform/config.ts';
import { TOPICS } from '../../schemas/topics.ts';

export const SPARK_DIR = path.dirname(fileURLToPath(import.meta.url));
const TARGET = path.join(SPARK_DIR, 'target');
const JAR = path.join(TARGET, 'emporium-spark.jar');

/** What Spark's own launcher grants on Java 17+ (its JavaModuleOptions): the JDK internals Spark reaches into. */
const JAVA_OPENS = [
  'java.lang',
  'java.lang.invoke',
  'java.lang.reflect',
  'java.io',
  'java.net',
  'java.nio',
  'java.util',
  'java.util.concurrent',
  'java.util.concurrent.atomic',
  'jdk.internal.ref',
  'sun.nio.ch',
  'sun.nio.cs',
  'sun.security.action',
  'sun.util.calendar',
].map((p) => `--add-opens=java.base/${p}=ALL-UNNAMED`);

export interface SparkRun {
  /** Jobs run one after another in one Spark session: [job, ...options]. */
  jobs: string[][];
  /** Default local[*]: every core of this machine. */
  master?: string;
  /** The driver's heap, as -Xmx takes it (default 2g). */
  driverMemory?: string;
  /** Spark settings (`spark.sql.shuffle.partitions`: '2'), as system properties SparkConf reads. */
  conf?: Record<string, string>;
  /** Aborting kills the JVM at once (SIGKILL), as a crash would. */
  signal?: AbortSignal;
}

/** A job's options with the config's defaults added for any it does not set. */
export function withDefaults(job: string, options: string[], config: Config): string[] {
  const given = new Set(options.filter((o) => o.startsWith('--')).map((o) => o.slice(2)));
  const defaults: Record<string, string | undefined> = { ...jobDefaults(job, config) };
  const added = Object.entries(defaults).flatMap(([k, v]) => (given.has(k) || v === undefined ? [] : [`--${k}`, v]));
  return [...options, ...added];
}

function jobDefaults(job: string, config: Config): Record<string, string | undefined> {
  const cassandra = config.cassandra.kind === 'real' ? config.cassandra : undefined;
  const bus = config.bus.kind === 'real' ? config.bus : undefined;
  const registry = config.registry.kind === 'real' ? config.registry : undefined;
  switch (job) {
    case 'als':
      return {
        lake: config.lakeDir,
        cassandra: cassandra?.contactPoints[0],
        dc: cassandra?.localDataCenter,
        keyspace: cassandra?.keyspace,
      };
    case 'lake':
      return {
        lake: config.lakeDir,
        checkpoints: path.join(config.dataDir, 'spark', 'checkpoints', 'lake'),
        bootstrap: bus?.brokers.join(','),
        prefix: bus?.prefix,
        registry: registry?.url,
        topics: Object.keys(TOPICS).join(','),
      };
    case 'reports':
      return {
        checkpoints: path.join(config.dataDir, 'spark', 'checkpoints', 'reports'),
        bootstrap: bus?.brokers.join(','),
        prefix: bus?.prefix,
        registry: registry?.url,
        'lateness-ms': String(config.reports.latenessMs),
        windows: config.reports.windowsMinutes.join(','),
        'list-length': String(config.reports.listLength),
        partitions: String(TOPICS['reports.facts'].partitions),
      };
    default:
      return {};
  }
}

/** The java command line for a run (the jar must be built: `npm run spark:build`). */
export function javaCommand(run: SparkRun): { command: string; args: string[] } {
  if (!existsSync(JAR)) throw new Error(`${JAR} is missing: run npm run spark:build first`);
  const classpath = [JAR, readFileSync(path.join(TARGET, 'classpath-all.txt'), 'utf8').trim()].join(path.delimiter);
  const master = run.master ?? 'local[*]';
  const args = [
    `-Xmx${run.driverMemory ?? '2g'}`,
    '-XX:+IgnoreUnrecognizedVMOptions',
    ...JAVA_OPENS,
    '-Djdk.reflect.useDirectMethodHandle=false',
    '-Dio.netty.tryReflectionSetAccessible=true',
    ...Object.entries(run.conf ?? {}).map(([k, v]) => `-D${k}=${v}`),
    // On a cluster the executors need the job's jar and what a Spark distribution does not ship.
    ...(master.startsWith('local')
      ? []
      : [
          `-Dspark.jars=${[JAR, ...readFileSync(path.join(TARGET, 'classpath-ship.txt'), 'utf8').trim().split(path.delimiter)].join(',')}`,
        ]),
    '-cp',
    classpath,
    'emporium.spark.Main',
    '--master',
    master,
    ...run.jobs.flatMap((job, i) => (i === 0 ? job : ['+', ...job])),
  ];
  return { command: 'java', args };
}

/**
 * Runs the jobs and resolves with the JSON summary line each printed, in order; rejects with the
 * tail of what the JVM wrote to stderr when it fails.
 */
export function runSpark(run: SparkRun, onLine: (line: string) => void = () => {}): Promise<unknown[]> {
  const { command, args } = javaCommand(run);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: run.signal,
      killSignal: 'SIGKILL',
    });
    const summaries: unknown[] = [];
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      for (let nl = out.indexOf('\n'); nl >= 0; nl = out.indexOf('\n')) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        onLine(line);
        if (line.startsWith('{')) summaries.push(JSON.parse(line));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err = (err + chunk).slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(summaries);
      else reject(new Error(`spark exited with ${code}:\n${err.slice(-4000)}`));
    });
  });
}
