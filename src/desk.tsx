/** The desktop app's entry (loaded by ./deskOpening.ts for every route but the phone's `#/m`). */
// The styles first: the entry may already have painted the kept KPI cards with them.
import './app/deskStyles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startLoading } from './app/useData';
import { loadFirstFigures } from './app/firstFigures';

export function bootDesk() {
  // The engine and the data load before the first render (the opening screen's code was started
  // by ./deskOpening.ts).
  startLoading();
  // A first visit's figures of the data about to show, before the engine (./app/firstFigures.ts):
  // best effort, a failure only means the screen waits for the engine.
  loadFirstFigures().catch(() => undefined);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
