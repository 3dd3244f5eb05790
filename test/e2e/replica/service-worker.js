// The identifiers variant's service worker (served as /assets/replica-sw.js?names=a,b): while it installs, it
// writes each named cookie with the Cookie Store API of its own global, value "service-worker".
'use strict';
self.addEventListener('install', function (event) {
  var names = (new URL(self.location.href).searchParams.get('names') || '').split(',').filter(Boolean);
  var written = Promise.all(
    names.map(function (name) {
      return self.cookieStore.set({ name: name, value: 'service-worker', path: '/' });
    }),
  );
  // What failed is told to the page, which lists it among its write errors.
  event.waitUntil(
    written.catch(function (error) {
      return self.clients.matchAll({ includeUncontrolled: true }).then(function (clients) {
        clients.forEach(function (client) {
          client.postMessage('service worker: ' + error);
        });
      });
    }),
  );
});
