/**
 * A live Neo4j from Neo4j's own test harness (org.neo4j.test:neo4j-harness on Maven Central),
 * for the test suite (tests/setup/neo4j.ts) and for development (`npm run neo4j`, start.ts).
 *
 * Maven is used only to resolve the harness's jars into ~/.m2 and to write their class path to
 * target/classpath.txt (once; again when pom.xml changes). Launcher.java is then run straight
 * from source with that class path: no Maven plugin runs at start-up.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HARNESS_DIR = path.dirname(fileURLToPath(import.meta.url));
export const POM = path.join(HARNESS_DIR, 'pom.xml');
const LAUNCHER = path.join(HARNESS_DIR, 'Launcher.java');
const TARGET = path.join(HARNESS_DIR, 'target');
const CLASSPATH_FILE = path.join(TARGET, 'classpath.txt');

/** The JVM's heap: Neo4j needs little for the test graphs, and the machine has other work. */
export const DEFAULT_HEAP = '768m';

/** The Neo4j version the harness runs (pom.xml's neo4j.version). */
export function harnessNeo4jVersion(): string {
  const match = readFileSync(POM, 'utf8').match(/<neo4j\.version>([^<]+)<\/neo4j\.version>/);
  if (!match) throw new Error(`${POM} has no <neo4j.version>`);
  return match[1]!;
}

function javaCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

/** The major version of the `java` that would run (17 for "17.0.15"), or why there is none. */
export function javaVersion(): { major: number; text: string } | { error: string } {
  // `java -version` writes to stderr.
  const result = spawnSync(javaCommand(), ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    return { error: `Java is not installed (\`${javaCommand()}\` not found${process.env.JAVA_HOME ? ', from JAVA_HOME' : ' on PATH'})` };
  }
  if (result.error || result.status !== 0) return { error: `\`${javaCommand()} -version\` failed: ${(result.error?.message ?? result.stderr).split('\n')[0]}` };
  return parseJavaVersion(`${result.stderr}${result.stdout}`);
}

function parseJavaVersion(output: string): { major: number; text: string } | { error: string } {
  const match = output.match(/version "(\d+)(?:\.(\d+))?[^"]*"/);
  if (!match) return { error: `cannot read the Java version from \`java -version\`: ${output.split('\n')[0]}` };
  const major = match[1] === '1' ? Number(match[2]) : Number(match[1]);
  return { major, text: output.split('\n')[0]!.trim() };
}

/**
 * Why the harness cannot run here (no Java 17+, or no Maven while the class path is not
 * resolved yet), or undefined when it can.
 */
export function harnessUnavailable(): string | undefined {
  const java = javaVersion();
  if ('error' in java) return java.error;
  if (java.major < 17) return `Neo4j ${harnessNeo4jVersion()} needs Java 17 or later; \`java -version\` says ${java.text}`;
  if (!classpathIsCurrent() && !onPath('mvn')) return 'Maven is not installed (`mvn` not found on PATH); it resolves the Neo4j harness jars on first use';
  return undefined;
}

function classpathIsCurrent(): boolean {
  if (!existsSync(CLASSPATH_FILE)) return false;
  if (statSync(CLASSPATH_FILE).mtimeMs < statSync(POM).mtimeMs) return false;
  return readFileSync(CLASSPATH_FILE, 'utf8').trim().split(path.delimiter).every((jar) => jar && existsSync(jar));
}

/**
 * The harness's class path: resolved by Maven on first use (downloading the jars into the
 * local repository, ~/.m2 unless MAVEN_OPTS says -Dmaven.repo.local=...), then read from
 * target/classpath.txt.
 */
export function resolveClasspath(log: (line: string) => void = () => undefined, options: { verbose?: boolean; force?: boolean } = {}): string {
  if (options.force || !classpathIsCurrent()) {
    mkdirSync(TARGET, { recursive: true });
    const partial = `${CLASSPATH_FILE}.${process.pid}.tmp`;
    const started = Date.now();
    log(`resolving the Neo4j ${harnessNeo4jVersion()} harness jars with Maven (the first run downloads about 180 MB into the local Maven repository)...`);
    try {
      // Verbose: Maven's own log goes to the terminal (without per-file transfer progress).
      const args = ['-B', options.verbose ? '--no-transfer-progress' : '-q', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${partial}`];
      execFileSync('mvn', args, { stdio: ['ignore', options.verbose ? 'inherit' : 'pipe', options.verbose ? 'inherit' : 'pipe'], encoding: 'utf8', timeout: 30 * 60_000 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
      throw new Error(`Maven could not resolve the Neo4j harness (${POM}): ${output || e.message}`);
    }
    renameSync(partial, CLASSPATH_FILE); // atomic: a concurrent reader sees all of it or none
    log(`resolved in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return readFileSync(CLASSPATH_FILE, 'utf8').trim();
}

export interface HarnessOptions {
  /** Bolt port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** JVM heap (-Xmx), e.g. "768m". */
  readonly heap?: string;
  /** Page cache in MB. */
  readonly pageCacheMb?: number;
  /** Give up when Neo4j has not started within this time. */
  readonly timeoutMs?: number;
  /** Where the JVM's stderr goes (its own progress lines and any error). */
  readonly onStderr?: (chunk: string) => void;
  /** Progress lines of this module (Maven resolution). */
  readonly log?: (line: string) => void;
  /**
   * Run the JVM at this niceness (`nice -n`, 1 to 19: lower CPU priority than the processes
   * that use it), as if the database had its own machine: on a machine of two cores, a Neo4j
   * busy with a heavy query otherwise takes the API's CPU, and the API's latency measures the
   * machine rather than the API.
   */
  readonly niceness?: number;
}

export interface RunningHarness {
  /** bolt://127.0.0.1:PORT; auth is disabled. */
  readonly uri: string;
  readonly process: ChildProcess;
  /** Milliseconds from spawning the JVM to the Bolt URI. */
  readonly startupMs: number;
  /** Close the JVM's stdin (it then shuts Neo4j down cleanly), wait, and kill it if it hangs. */
  stop(): Promise<void>;
}

/** The line Launcher.java prints on stdout once Neo4j accepts Bolt connections. */
export const URI_LINE = /^NEO4J_URI=(bolt:\/\/\S+)$/m;

export async function startHarness(options: HarnessOptions = {}): Promise<RunningHarness> {
  const classpath = resolveClasspath(options.log);
  const started = Date.now();
  const niced = options.niceness ? ['nice', ['-n', String(options.niceness), javaCommand()]] as const : [javaCommand(), []] as const;
  const child = spawn(
    niced[0],
    [
      ...niced[1],
      `-Xmx${options.heap ?? DEFAULT_HEAP}`,
      '-XX:+UseSerialGC',
      '-XX:+ExitOnOutOfMemoryError',
      `-Dneo4j.pagecache.mb=${options.pageCacheMb ?? 64}`,
      `-Dneo4j.bolt.port=${options.port ?? 0}`,
      '-cp',
      classpath,
      LAUNCHER,
    ],
    { cwd: HARNESS_DIR, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    options.onStderr?.(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin!.end();
    const timer = setTimeout(() => child.kill('SIGTERM'), 20_000);
    const killer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    await exited;
    clearTimeout(timer);
    clearTimeout(killer);
  };
  const timeoutMs = options.timeoutMs ?? 180_000;
  try {
    const uri = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Neo4j did not start within ${timeoutMs / 1000} s:\n${tail(stderr)}`)), timeoutMs);
      child.stdout!.on('data', () => {
        const match = stdout.match(URI_LINE);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`cannot run ${javaCommand()}: ${error.message}`));
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the Neo4j harness exited with ${code} before it started:\n${tail(stderr)}`));
      });
    });
    return { uri, process: child, startupMs: Date.now() - started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function tail(text: string, lines = 30): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
