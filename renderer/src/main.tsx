/**
 * Renderer entry: bundled fonts (Vite copies the woff2 files; nothing is fetched from the network),
 * global styles, i18n, then the app. Charts draw on canvas, which cannot re-render when a web font
 * arrives late, so the first render waits (briefly) for the font faces it uses.
 */
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { listenToDesktopMenu } from './app/desktop-commands';

/** Load the font faces charts use (Latin and Vietnamese subsets), giving up after `ms`. */
function fontsReady(ms: number): Promise<unknown> {
  const sample = 'Aa Ăă Đđ Ệệ Ữữ 0123';
  const faces = ['400 12px "Be Vietnam Pro"', '600 12px "Be Vietnam Pro"'].map((f) =>
    document.fonts.load(f, sample),
  );
  return Promise.race([Promise.all(faces), new Promise((r) => setTimeout(r, ms))]);
}

initI18n();
listenToDesktopMenu();
const root = document.getElementById('root');
if (root) {
  void fontsReady(1500).finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
