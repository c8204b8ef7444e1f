import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox, SANDBOX_DEFAULTS } from '../../src/sandbox/index.js';
import { bankLogoSvg } from '../../src/sandbox/catalogue/logo.js';

const AIIA = {
  authorization: `Basic ${Buffer.from(`${SANDBOX_DEFAULTS.aiia.clientId}:${SANDBOX_DEFAULTS.aiia.clientSecret}`).toString('base64')}`,
};

/** The emblem's path: the last `d` of the document (the first ones are the corner's). */
const emblemOf = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].at(-1)?.[1];

describe('bank marks', () => {
  const sandbox = createSandbox({ logos: 'served' });

  it('draws one distinct mark per bank, and no two banks of a country share an emblem', () => {
    const marks = sandbox.banks.map((bank) => bankLogoSvg(bank.name, bank.color));
    assert.equal(new Set(marks).size, sandbox.banks.length);
    for (const country of new Set(sandbox.banks.map((bank) => bank.country))) {
      const local = sandbox.banks.filter((bank) => bank.country === country);
      const emblems = local.map((bank) => emblemOf(bankLogoSvg(bank.name, bank.color)));
      assert.equal(new Set(emblems).size, local.length, `${country}: ${emblems.join(' | ')}`);
    }
  });

  it('is the same mark for the same name and colour, in the brand colour', () => {
    assert.equal(bankLogoSvg('Øresund Bank', '#003755'), bankLogoSvg('Øresund Bank', '#003755'));
    assert.match(bankLogoSvg('Øresund Bank', '#003755'), /fill="#003755"/);
    // A colour that is not a plain hex colour never reaches the document.
    assert.doesNotMatch(bankLogoSvg('X', '"/><script>'), /script|"\/>"/);
  });

  it('holds nothing that runs, loads or needs a font', () => {
    for (const bank of sandbox.banks) {
      const svg = bankLogoSvg(bank.name, bank.color);
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 40 40"/);
      assert.doesNotMatch(
        svg,
        /<script|<text|<foreignObject|<image|href=|\son[a-z]+=|url\((?!#r\))/i,
      );
    }
  });

  it('is served as an inert image under a strict policy, and the banks answer points at it', async () => {
    const listed = await sandbox.handler(
      new Request('http://127.0.0.1:9/sandbox/aiia/v1/providers', { headers: AIIA }),
    );
    const providers = (await listed.json()) as {
      id: string;
      presentation: { logos: { large: { svg: string } } };
    }[];
    const first = providers[0];
    assert.ok(first);
    const url = first.presentation.logos.large.svg;
    assert.equal(url, `http://127.0.0.1:9/sandbox/logos/${encodeURIComponent(first.id)}.svg`);

    const served = await sandbox.handler(new Request(url));
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/svg+xml');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.match(
      served.headers.get('content-security-policy') ?? '',
      /^default-src 'none'; sandbox$/,
    );
    const bank = sandbox.banks.find((candidate) => candidate.id === first.id);
    assert.ok(bank);
    assert.equal(await served.text(), bankLogoSvg(bank.name, bank.color));

    const missing = await sandbox.handler(
      new Request('http://127.0.0.1:9/sandbox/logos/XX_NoSuchBank.svg'),
    );
    assert.equal(missing.status, 404);
  });
});
