// Tokens and element defaults first: every other stylesheet builds on them.
import './ui/tokens.css';
import './ui/base.css';
// The shared components' styles next, so a feature's own rules come after them.
import './ui/index.ts';
import { createRoot } from 'react-dom/client';
import { boot } from './app/boot.tsx';
import { desktopHost, registerOfflineShell, resolveHost } from './host/index.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
// The desktop app loads from disk; only the web client needs an offline shell.
if (desktopHost(window) === null) void registerOfflineShell(window);
void boot({
  root: createRoot(container),
  resolveHost: () => resolveHost(),
  currentSearch: () => window.location.search,
  fetch: window.fetch.bind(window),
  history: {
    push: (search) => {
      window.history.pushState(null, '', search === '' ? window.location.pathname : search);
    },
    replace: (search) => {
      window.history.replaceState(null, '', search === '' ? window.location.pathname : search);
    },
    subscribe: (listener) => {
      const onPop = () => {
        listener(window.location.search);
      };
      window.addEventListener('popstate', onPop);
      return () => {
        window.removeEventListener('popstate', onPop);
      };
    },
  },
});
