/** The 掌上驾驶舱's entry (loaded by src/main.tsx for `#/m`): the phone page and its style, nothing else. */
import type { PhoneSource } from './data';
import { keepForOffline } from './offline';
import { startPhone } from './page';
import './phone.css';

export function bootPhone(source: Promise<PhoneSource | undefined>) {
  document.title = '总部回归 · 掌上驾驶舱';
  startPhone(document.getElementById('root')!, source)
    // Once the figures are on screen, not before: the service worker is for the next visit.
    .then(() => source)
    .then((found) => found && new Promise((done) => window.setTimeout(done, 0)).then(keepForOffline))
    .catch((error: unknown) => console.warn('掌上驾驶舱离线缓存未启用', error));
}
