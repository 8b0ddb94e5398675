import { createRoot } from 'react-dom/client';
import { boot } from './app/boot.tsx';
import { roomFromSearch } from './app/route.ts';
import { resolveHost } from './host/index.ts';
import { loadIdentity } from './identity/index.ts';
import './styles.css';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Disabled storage throws on access.
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
void boot({
  root: createRoot(container),
  resolveHost: () => resolveHost(),
  identity: loadIdentity(storage()),
  route: roomFromSearch(window.location.search),
});
