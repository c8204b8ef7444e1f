import { StrictMode, useEffect } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { ServerRenderedApp } from './ServerRenderedApp.js';

/**
 * Registers <pay-by-bank> once React has hydrated the server's markup, so the element upgrades with
 * React's listeners already on it: on the return page it reports the outcome at once, and an element
 * upgraded before hydration would dispatch it to nobody.
 */
function UpgradeAfterHydration() {
  useEffect(() => {
    void import('pay-by-bank');
  }, []);
  return null;
}

hydrateRoot(
  document.getElementById('root')!,
  <StrictMode>
    <ServerRenderedApp />
    <UpgradeAfterHydration />
  </StrictMode>,
  {
    onRecoverableError: (error) => console.error('hydration error:', error),
  },
);
