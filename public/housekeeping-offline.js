// Registers the tablet's service worker (housekeeping-sw.js) and, when the page's task list
// changes, asks it to keep the page and the code it runs on: `hotelOffline.keep()`.
(function () {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/housekeeping-sw.js', { scope: '/housekeeping' }).catch(() => {});
  const keep = () => {
    if (!navigator.onLine) return;
    const code = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => new URL(u).pathname.startsWith('/pkg/'));
    navigator.serviceWorker.ready.then((sw) => sw.active && sw.active.postMessage({ keep: [location.pathname, ...code] }));
  };
  window.hotelOffline = { keep };
})();
