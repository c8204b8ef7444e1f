// The held long-polls figure of `npm run bench:scale`: how many `?wait=` requests one instance holds at
// once, each on its own connection, and what each costs the instance in memory.
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request, type ClientRequest } from 'node:http';

export interface HeldFigures {
  asked: number;
  /** Answered 200 at their deadline: the instance held them the whole wait. */
  held: number;
  /** Why the others did not count: an error code, or `answered <status> early`. */
  lost: Record<string, number>;
  /** The most connections the instance had open at once (its file descriptors, less those before). */
  openAtOnce: number;
  /** The instance's resident memory growth at that moment, per open request. */
  bytesPerRequest: number;
  /** The instance's file descriptor limit (`ulimit -n`), the ceiling of `openFiles`. */
  fileLimit: number;
}

/** At most this many connections are being opened at a time: a burst beyond the listen backlog resets. */
const OPENING_AT_ONCE = 200;

function rssBytes(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? 0) * 1024;
}

/** CPU time the process has used so far, in clock ticks (user + system). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function openFiles(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return Number.NaN;
  }
}

function fileLimit(pid: number): number {
  const line = /Max open files\s+(\d+)/.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'));
  return Number(line?.[1] ?? Number.NaN);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `count` long-polls (`?wait=waitSeconds&since=created` on a payment that does not change) to the
 * instance `pid` serving `url`, opening them {@link OPENING_AT_ONCE} at a time. Once every one is
 * connected and the instance is idle, its memory is read; then each counts as held only if it is
 * answered 200 at its deadline.
 */
export async function measureHeldPolls(
  pid: number,
  url: URL,
  count: number,
  waitSeconds: number,
): Promise<HeldFigures> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const lost: Record<string, number> = {};
  const lose = (why: string) => (lost[why] = (lost[why] ?? 0) + 1);
  const lostCount = () => Object.values(lost).reduce((sum, n) => sum + n, 0);
  const rssBefore = rssBytes(pid);
  const filesBefore = openFiles(pid);
  // The instance's own count of open sockets, sampled: the most it had open at once, and its memory then.
  let peak = { open: 0, rss: rssBefore };
  const sample = () => {
    const open = openFiles(pid) - filesBefore;
    if (open >= peak.open) peak = { open, rss: Math.max(rssBytes(pid), peak.rss) };
  };
  const sampler = setInterval(sample, 200);
  let connected = 0;
  let held = 0;
  const requests: ClientRequest[] = [];
  const answers: Promise<void>[] = [];
  for (let index = 0; index < count; index += 1) {
    while (index - connected >= OPENING_AT_ONCE) await sleep(5);
    const sent = Date.now();
    const poll = request(url, { agent });
    requests.push(poll);
    poll.once('socket', (socket) => {
      if (socket.connecting) socket.once('connect', () => (connected += 1));
      else connected += 1;
    });
    answers.push(
      new Promise<void>((resolve) => {
        poll.once('response', (response) => {
          response.resume();
          const atDeadline = Date.now() - sent >= waitSeconds * 1000 - 250;
          if (response.statusCode === 200 && atDeadline) held += 1;
          else lose(`answered ${response.statusCode} early`);
          response.once('end', resolve).once('error', resolve);
        });
        poll.once('error', (error: NodeJS.ErrnoException) => {
          lose(error.code ?? error.message);
          // A connection that failed before it connected no longer holds a place among those opening.
          if (!poll.socket || poll.socket.connecting) connected += 1;
          resolve();
        });
      }),
    );
    poll.end();
  }
  // Once all are open and read, the instance's CPU stands still: its memory then is what they cost.
  for (let still = 0, ticks = cpuTicks(pid); still < 4 && held === 0;) {
    await sleep(250);
    const now = cpuTicks(pid);
    still = now - ticks <= 1 && peak.open >= count - lostCount() ? still + 1 : 0;
    ticks = now;
  }
  sample();
  clearInterval(sampler);
  await Promise.all(answers);
  agent.destroy();
  for (const poll of requests) poll.destroy();
  return {
    asked: count,
    held,
    lost,
    openAtOnce: peak.open,
    bytesPerRequest: peak.open > 0 ? (peak.rss - rssBefore) / peak.open : 0,
    fileLimit: fileLimit(pid),
  };
}
