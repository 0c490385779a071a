/** Registers the service worker that keeps the app shell for offline use (production builds only: Vite's dev server serves modules, not a shell). */

/**
 * Registers `/sw.js` once the page has loaded; a browser without service workers simply has no offline shell.
 * @param production - whether this is a production build
 */
export function registerServiceWorker(production: boolean): void {
  if (!production || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      console.warn('The offline app shell is unavailable:', error);
    });
  });
}
