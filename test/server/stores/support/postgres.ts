import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const script = fileURLToPath(new URL('../../../../scripts/throwaway-postgres.sh', import.meta.url));
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The newest installed PostgreSQL's binaries, where Debian's `postgresql` package puts them. */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest === undefined ? undefined : join(root, newest, 'bin');
}

/** Tests talk to a database on this machine only, never to anything they could damage elsewhere. */
function assertLoopback(url: string): void {
  const parsed = new URL(url);
  const socket = parsed.searchParams.get('host');
  const local = parsed.hostname === '' ? socket?.startsWith('/') : LOOPBACK.has(parsed.hostname);
  if (!local)
    throw new Error(
      `PAY_BY_BANK_TEST_DATABASE_URL must point at this machine (127.0.0.1, localhost or a socket), not ${parsed.hostname}`,
    );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface ThrowawayCluster {
  url: string;
  /** Kills the server at once, as a crash or a lost database host would. */
  crash(): void;
  /** Starts the same cluster again on the same port. */
  start(): void;
  /** Freezes the server and its backends (SIGSTOP): a database that no longer answers. */
  freeze(): void;
  /** Lets a frozen server run on (SIGCONT). */
  thaw(): void;
}

/** The postmaster's pid (the first line of its pid file) and those of its children. */
function serverProcesses(data: string): number[] {
  const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // Field 4 of /proc/PID/stat, after the command in parentheses, is the parent's pid.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** A cluster of this test file's own, stopped and removed when the file's tests end. */
export async function startThrowawayCluster(): Promise<ThrowawayCluster | undefined> {
  const bin = postgresBin();
  if (bin === undefined) return undefined;
  const port = await freePort();
  const output = execFileSync('bash', [script, 'start'], {
    env: { ...process.env, PGPORT_FOR_TESTS: String(port) },
    encoding: 'utf8',
  });
  const url = /PAY_BY_BANK_TEST_DATABASE_URL=(\S+)/.exec(output)?.[1];
  const dir = /PAY_BY_BANK_TEST_PG_DIR=(\S+)/.exec(output)?.[1];
  if (!url || !dir) throw new Error(`throwaway-postgres.sh said: ${output}`);
  after(() => {
    execFileSync('bash', [script, 'stop', dir]);
  });
  const asOwner = (command: string, args: string[]) => {
    const [file, fullArgs] =
      process.getuid?.() === 0
        ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]]
        : [join(bin, command), args];
    const result = spawnSync(file, fullArgs, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  };
  const data = join(dir, 'data');
  return {
    url,
    crash: () => asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start: () =>
      asOwner('pg_ctl', [
        '-D',
        data,
        '-l',
        join(dir, 'log'),
        '-w',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`,
        'start',
      ]),
    freeze: () => {
      for (const pid of serverProcesses(data)) process.kill(pid, 'SIGSTOP');
    },
    thaw: () => {
      for (const pid of serverProcesses(data)) process.kill(pid, 'SIGCONT');
    },
  };
}

let server: Promise<string | undefined> | undefined;
/** A cluster started here goes away whole with its databases; one given to the tests is tidied up. */
let serverIsOurs = false;

/**
 * The PostgreSQL server the tests use: PAY_BY_BANK_TEST_DATABASE_URL when set (CI starts one), else a
 * throwaway cluster started here when PostgreSQL is installed, else undefined: the tests are skipped.
 */
export function testServerUrl(): Promise<string | undefined> {
  server ??= (async () => {
    const given = process.env.PAY_BY_BANK_TEST_DATABASE_URL;
    if (given) {
      assertLoopback(given);
      return given;
    }
    serverIsOurs = true;
    return (await startThrowawayCluster())?.url;
  })();
  return server;
}

export const SKIP_WITHOUT_POSTGRES =
  'no PostgreSQL: set PAY_BY_BANK_TEST_DATABASE_URL, or install Debian’s postgresql package so the tests start a throwaway cluster';

/**
 * A new, empty database on `serverUrl` for one test file. `drop` removes it (the file calls it last,
 * after closing its connections); in a cluster started here it goes away with the cluster.
 */
export async function freshDatabase(
  serverUrl: string,
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pbb_${label}_${randomBytes(4).toString('hex')}`;
  const run = async (sql: string) => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      if (serverIsOurs) return;
      // A closed pool's connections take a moment to go: let them, rather than cut them off.
      const watcher = new pg.Client({ connectionString: serverUrl });
      await watcher.connect();
      try {
        for (let tries = 0; tries < 100; tries += 1) {
          const { rows } = await watcher.query(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        await watcher.end();
      }
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

let schemas = 0;
/** A schema name no other test of this file uses. */
export const newSchema = (label = 'test') => `${label}_${(schemas += 1)}`;
