/** The 掌上驾驶舱's entry (loaded by src/main.tsx for `#/m`): React and the phone page, nothing else. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PhoneSource } from './data';
import { PhoneApp } from './PhoneApp';
import './phone.css';

export function bootPhone(source: Promise<PhoneSource | undefined>) {
  document.title = '总部回归 · 掌上驾驶舱';
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PhoneApp source={source} />
    </StrictMode>,
  );
}
