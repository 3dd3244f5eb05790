// The identifiers variant's own script (see identifiers.ts): it stores each identifier of its configuration in the
// way named there, and sets window.__replicaWrites, which the page script waits for before it reports /__done.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('replica-config').textContent).identifiers;
  var secure = location.protocol === 'https:' ? '; Secure' : '';
  var errors = [];
  var writes = [];

  config.storage.forEach(function (key, index) {
    if (index % 2 === 0) {
      localStorage.setItem(key, 'set-item');
      sessionStorage[key] = 'assigned';
    } else {
      localStorage[key] = 'assigned';
      sessionStorage.setItem(key, 'set-item');
    }
  });

  // A same-origin frame with no URL of its own: its document.cookie is this page's.
  var blank = document.createElement('iframe');
  blank.title = 'about:blank';
  document.body.appendChild(blank);
  var srcdocScript = '';

  config.cookies.forEach(function (cookie) {
    var assignment = cookie.name + '=' + cookie.way + '; path=/; max-age=31536000; SameSite=Lax' + secure;
    switch (cookie.way) {
      case 'cookie-store':
      case 'cookie-store-object':
        if (!window.cookieStore) return void errors.push('no cookieStore');
        var set =
          cookie.way === 'cookie-store'
            ? window.cookieStore.set(cookie.name, cookie.way)
            : window.cookieStore.set({ name: cookie.name, value: cookie.way, path: '/' });
        writes.push(
          set.catch(function (error) {
            errors.push(cookie.name + ': ' + error);
          }),
        );
        return;
      case 'about-blank':
        blank.contentDocument.cookie = assignment;
        return;
      case 'about-blank-index':
        window[0].document.cookie = assignment;
        return;
      case 'srcdoc':
        srcdocScript += 'document.cookie = ' + JSON.stringify(assignment) + ';\n';
    }
  });

  var srcdoc = document.createElement('iframe');
  srcdoc.title = 'srcdoc';
  writes.push(
    new Promise(function (resolve) {
      srcdoc.onload = resolve;
    }),
  );
  srcdoc.srcdoc = '<!doctype html><script>' + srcdocScript.replace(/</g, '\\u003c') + '</' + 'script>';
  document.body.appendChild(srcdoc);

  // With `worker` in the page's query: the site's service worker writes every cookie again, with the Cookie Store
  // API of its own global, while it installs; the page waits until it is installed.
  if (/[?&]worker\b/.test(location.search)) {
    var names = config.cookies.map(function (cookie) {
      return cookie.name;
    });
    navigator.serviceWorker.addEventListener('message', function (event) {
      errors.push(String(event.data));
    });
    navigator.serviceWorker.startMessages();
    writes.push(
      navigator.serviceWorker.register('/assets/replica-sw.js?names=' + encodeURIComponent(names.join(','))).then(
        function (registration) {
          var worker = registration.installing || registration.waiting || registration.active;
          return new Promise(function (resolve) {
            var settled = function () {
              if (worker.state === 'installing') return false;
              if (worker.state === 'redundant') errors.push('service worker: not installed');
              resolve();
              return true;
            };
            if (!settled()) worker.addEventListener('statechange', settled);
          });
        },
        function (error) {
          errors.push('service worker: ' + error);
        },
      ),
    );
  }

  window.__replicaWriteErrors = errors;
  window.__replicaWrites = Promise.all(writes);
})();
