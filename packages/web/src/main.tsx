/** Entry point: sets up translations and styles, renders the app and registers the offline shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { registerServiceWorker } from './register-service-worker.js';
import './i18n.js';
import './styles.css';
import './grid.css';
import './progress.css';

const container = document.getElementById('root');
if (container === null) throw new Error('The page has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker(import.meta.env.PROD);
