/** What scripts/bench/index.ts and its server under test (server-under-test.ts) say over IPC. */
export interface ServedBytes {
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type BenchCommand =
  | { type: 'memory' }
  | { type: 'connections' }
  | { type: 'new-payment' }
  | { type: 'complete'; paymentId: string }
  | { type: 'figures' }
  | { type: 'stop' };

export type BenchReply =
  | {
      type: 'ready';
      origin: string;
      paymentId: string;
      bytes: { banks: ServedBytes; create: ServedBytes; status: ServedBytes };
    }
  | { type: 'memory'; bytes: number; connections: number }
  | { type: 'connections'; connections: number }
  | { type: 'new-payment'; paymentId: string; status: string }
  | { type: 'complete' }
  | { type: 'figures'; changedAt: number; statusReads: number };

export const CREATE_BODY = {
  bankId: 'DE_NordhafenSparkasse',
  checkout: 'order-1',
  returnUrl: 'https://shop.example/checkout/done',
  flow: 'redirect',
};
