import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createStaticDemoServer } from '../../demo/static-server.js';
import {
  answerClientErrors,
  createPayByBankHandler,
  silentLogger,
  toNodeListener,
} from '../../src/server/index.js';
import { resolveTestCheckout } from './support/kit-fixture.js';
import { providerFor } from './support/providers.js';
import { startSandbox } from './support/sandbox-fixture.js';

/** Sends raw bytes and reads until the server closes: what a client sees, reset or not. */
function exchange(port: number, request: string): Promise<{ answer: string; reset: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let reset = false;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      reset = error.code === 'ECONNRESET' || error.code === 'EPIPE';
    });
    socket.on('close', () => resolve({ answer: Buffer.concat(chunks).toString('latin1'), reset }));
    // Like curl: send, then wait for the answer with the connection still open.
    socket.write(request);
  });
}

function statusLine(answer: string): string {
  return answer.split('\r\n')[0] ?? '';
}

function problemOf(answer: string): { code?: string; status?: number } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  assert.match(head, /\r\ncontent-type: application\/problem\+json\r\n/i);
  return JSON.parse(body) as { code?: string; status?: number };
}

describe('answerClientErrors', () => {
  let server: Server;
  let port = 0;

  before(async () => {
    const handler = createPayByBankHandler({
      provider: providerFor('aiia-pay', 'http://127.0.0.1:9'),
      resolveCheckout: resolveTestCheckout,
      publicBaseUrl: 'https://shop.example',
      logger: silentLogger(),
    });
    server = answerClientErrors(createServer(toNodeListener(handler)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });

  it('answers 431 problem+json to 100 KB of headers, without resetting the connection', async () => {
    const padding = 'x'.repeat(100 * 1024);
    const { answer, reset } = await exchange(
      port,
      `GET /api/pay-by-bank/banks HTTP/1.1\r\nHost: shop.example\r\nX-Padding: ${padding}\r\n\r\n`,
    );
    assert.equal(reset, false, 'the client reads an answer, not a reset');
    assert.equal(statusLine(answer), 'HTTP/1.1 431 Request Header Fields Too Large');
    assert.deepEqual(problemOf(answer), {
      ...problemOf(answer),
      code: 'headers_too_large',
      status: 431,
    });
  });

  it('answers 431 through fetch too', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/pay-by-bank/banks`, {
      headers: { 'x-padding': 'x'.repeat(100 * 1024) },
    });
    assert.equal(response.status, 431);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await response.json()) as { code: string }).code, 'headers_too_large');
  });

  it('answers 400 problem+json to bytes that are not HTTP', async () => {
    const { answer } = await exchange(port, 'NOT HTTP AT ALL\r\n\r\n');
    assert.equal(statusLine(answer), 'HTTP/1.1 400 Bad Request');
    assert.equal(problemOf(answer).code, 'invalid_request');
  });

  it('still serves ordinary requests', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/pay-by-bank/nope`);
    assert.equal(response.status, 404);
  });
});

describe("the demo's static server", () => {
  it('answers 431 problem+json to 100 KB of headers', async () => {
    const server = createStaticDemoServer({ provider: 'aiia-pay' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { answer } = await exchange(
        (server.address() as AddressInfo).port,
        `GET /api/pay-by-bank/banks HTTP/1.1\r\nHost: x\r\nX-Padding: ${'x'.repeat(100 * 1024)}\r\n\r\n`,
      );
      assert.equal(statusLine(answer), 'HTTP/1.1 431 Request Header Fields Too Large');
      assert.equal(problemOf(answer).code, 'headers_too_large');
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  });
});

describe("the sandbox's server", () => {
  it('answers 431 to 100 KB of headers', async () => {
    const sandbox = await startSandbox();
    try {
      const port = Number(new URL(sandbox.url).port);
      const padding = 'x'.repeat(100 * 1024);
      const { answer, reset } = await exchange(
        port,
        `GET /sandbox/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${padding}\r\n\r\n`,
      );
      assert.equal(reset, false);
      assert.equal(statusLine(answer), 'HTTP/1.1 431 Request Header Fields Too Large');
    } finally {
      await sandbox.close();
    }
  });
});
