import { fork, type ChildProcess } from 'node:child_process';
import type { BenchCommand, BenchReply } from './protocol.js';

export interface ServerUnderTest {
  origin: string;
  paymentId: string;
  /** The server's process id, for a profiler or `ps`. */
  pid: number;
  ready: Extract<BenchReply, { type: 'ready' }>;
  ask<T extends BenchReply['type']>(
    command: BenchCommand,
    answer: T,
  ): Promise<Extract<BenchReply, { type: T }>>;
  stop(): Promise<void>;
}

/** Starts scripts/bench/server-under-test.ts in a process of its own and waits until it listens. */
export async function startServer(
  target: 'kit' | 'bare',
  store: 'memory' | 'sqlite',
  execArgv: string[] = [],
): Promise<ServerUnderTest> {
  const child: ChildProcess = fork(
    new URL('./server-under-test.ts', import.meta.url).pathname,
    [target, store],
    { execArgv: ['--expose-gc', '--import', 'tsx', ...execArgv], stdio: 'inherit' },
  );
  const next = <T extends BenchReply['type']>(type: T) =>
    new Promise<Extract<BenchReply, { type: T }>>((resolve, reject) => {
      const onMessage = (message: BenchReply) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<BenchReply, { type: T }>);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`the ${target} server under test exited (${code}) before "${type}"`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('ready');
  return {
    origin: ready.origin,
    paymentId: ready.paymentId,
    pid: child.pid ?? 0,
    ready,
    ask(command, answer) {
      const reply = next(answer);
      child.send(command);
      return reply;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'stop' } satisfies BenchCommand);
      }),
  };
}
