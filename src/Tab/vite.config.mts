import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

declare const process: { env: Record<string, string | undefined> };

// Run from the repository root as `vite build src/Tab` and `vitest run --root src/Tab`: paths here are relative
// to this folder. The service serves the build from its wwwroot at /tab/; the output is never committed.
export default defineConfig(({ mode }) => {
  // Appointments are shown in the viewer's time zone; the tests view them from Norway. Set here, before Vitest
  // starts its workers, because a TZ set inside a running worker comes too late for its Date and Intl.
  if (mode === 'test') process.env.TZ = 'Europe/Oslo';

  return {
    base: '/tab/',
    plugins: [react()],
    build: {
      outDir: '../LeanTeamsApp/wwwroot/tab',
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      // React DOM and Fluent UI are most of the ~580 kB main chunk and every page needs them; teams-js is already
      // split off and loaded only inside Teams.
      chunkSizeWarningLimit: 700,
    },
    server: {
      // `npm run dev:tab` beside a running service (scripts/run.sh, port 3978) gets the API through Vite.
      proxy: { '/api': 'http://127.0.0.1:3978' },
    },
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
      pool: 'threads',
      maxWorkers: 2,
      // The machines have two cores shared with other builds; Fluent's first render in a file can take seconds.
      testTimeout: 20_000,
      // Fluent UI is hundreds of small modules; bundled once (cached in node_modules/.vite) each test file loads
      // it as a few files instead.
      deps: {
        optimizer: {
          client: {
            enabled: true,
            include: [
              '@fluentui/react-components',
              'react',
              'react-dom',
              'react-dom/client',
              'react/jsx-runtime',
              '@testing-library/react',
              '@testing-library/user-event',
              'axe-core',
            ],
          },
        },
      },
    },
  };
});
