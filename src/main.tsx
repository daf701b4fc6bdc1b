import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import { AppStoreProvider, createAppStore } from './state/store.ts';
import { App } from './ui/App.tsx';
import './ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('Chainwright: the page has no #root element.');

// The page's one store: autosave, the first visit's example and the keyboard shortcuts
// (useBoot, useShortcuts in App) all work on this instance, handed down through the context.
const store = createAppStore();

createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
