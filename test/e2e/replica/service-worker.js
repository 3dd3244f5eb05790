// The identifiers variant's service worker (served as /assets/replica-sw.js?names=a,b): while it installs, it
// writes each named cookie with the Cookie Store API of its own global, value "service-worker".
'use strict';
self.addEventListener('install', function (event) {
  var names = (new URL(self.location.href).searchParams.get('names') || '').split(',').filter(Boolean);
  event.waitUntil(
    Promise.all(
      names.map(function (name) {
        return self.cookieStore.set({ name: name, value: 'service-worker', path: '/' });
      }),
    ),
  );
});
