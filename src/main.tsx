import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadScreen } from './app/App';
import { startLoading } from './app/useData';
import './app/app.css';

// The engine, the data and the opening screen's code load in parallel, before the first render.
startLoading();
preloadScreen(window.location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
