import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './theme/tokens.css';
import './theme/base.css';
import './theme/controls.css';
import { getLocale } from './i18n/i18n';
import { startOfflineShell } from './offline/registerServiceWorker';
import { UpdateNotice } from './offline/UpdateNotice';
import { App } from './ui/App';

document.documentElement.lang = getLocale();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
    <UpdateNotice />
  </StrictMode>,
);
// Only built apps have /sw.js (production and e2e builds); `vite` dev serves modules live.
if (!import.meta.env.DEV) startOfflineShell();
