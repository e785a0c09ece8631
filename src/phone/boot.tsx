/** The 掌上驾驶舱's entry (loaded by src/main.tsx for `#/m`): React and the phone page, nothing else. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PhoneSource } from './data';
import { keepForOffline } from './offline';
import { PhoneApp } from './PhoneApp';
import './phone.css';

export function bootPhone(source: Promise<PhoneSource | undefined>) {
  document.title = '总部回归 · 掌上驾驶舱';
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PhoneApp source={source} />
    </StrictMode>,
  );
  // Once the figures are on screen, not before: the service worker is for the next visit.
  source
    .then((found) => found && new Promise((done) => window.setTimeout(done, 0)).then(keepForOffline))
    .catch((error: unknown) => console.warn('掌上驾驶舱离线缓存未启用', error));
}
