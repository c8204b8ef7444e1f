// The server's half: the same checkout as a string. No element code runs here; the browser upgrades
// <pay-by-bank> when src/hydrate.tsx loads the package.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { ServerRenderedApp } from './ServerRenderedApp.js';

export function render(): string {
  return renderToString(
    <StrictMode>
      <ServerRenderedApp />
    </StrictMode>,
  );
}
