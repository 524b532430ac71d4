import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectToHost } from './shared/teams/host';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

void connectToHost().then((host) => {
  createRoot(root).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
});
