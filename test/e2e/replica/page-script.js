// The replica page's own script (plain browser JavaScript, served as /assets/replica-page.js).
// It sets the trackers' first-party cookies as their tags would (and the storage keys a page lists), loads every
// listed resource, waits until each has loaded, failed or been blocked, then reports the outcomes to /__done so tests
// never sleep.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('replica-config').textContent);
  var secure = location.protocol === 'https:' ? '; Secure' : '';

  config.cookies.forEach(function (cookie) {
    var domain = cookie.domain ? '; domain=' + cookie.domain : '';
    document.cookie = cookie.name + '=' + cookie.value + '; path=/; max-age=31536000; SameSite=Lax' + domain + secure;
  });

  // A write that throws (storage refused, a full quota) must not keep the visit from reporting done.
  (config.storage || []).forEach(function (item) {
    try {
      localStorage.setItem(item.key, item.value);
    } catch (error) {
      (window.__replicaStorageErrors = window.__replicaStorageErrors || []).push(item.key + ': ' + error);
    }
  });

  function element(tag, attributes, parent) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    (parent || document.body).appendChild(node);
    return node;
  }

  function onLoadOrError(node, resolve) {
    node.onload = function () {
      resolve('loaded');
    };
    node.onerror = function () {
      resolve('failed');
    };
  }

  var loaders = {
    image: function (url, resolve) {
      onLoadOrError(element('img', { src: url, alt: '', width: '1', height: '1' }), resolve);
    },
    script: function (url, resolve) {
      onLoadOrError(element('script', { src: url }, document.head), resolve);
    },
    stylesheet: function (url, resolve) {
      onLoadOrError(element('link', { rel: 'stylesheet', href: url }, document.head), resolve);
    },
    frame: function (url, resolve) {
      onLoadOrError(element('iframe', { src: url, title: 'widget', width: '120', height: '40' }), resolve);
    },
    // An embedded frame whose document loads things itself; its load event waits for them (the frames page).
    embed: function (url, resolve, load) {
      var attributes = Object.assign({ src: url, title: 'embed', width: '120', height: '40' }, load.attributes || {});
      onLoadOrError(element('iframe', attributes), resolve);
    },
    fetch: function (url, resolve) {
      fetch(url, { credentials: 'include', mode: 'cors' }).then(
        function () {
          resolve('loaded');
        },
        function () {
          resolve('failed');
        },
      );
    },
    xhr: function (url, resolve) {
      var request = new XMLHttpRequest();
      request.open('GET', url);
      request.withCredentials = true;
      request.onload = function () {
        resolve('loaded');
      };
      request.onerror = function () {
        resolve('failed');
      };
      request.send();
    },
    // A beacon's completion is invisible to the page; they are sent first, so they leave before /__done.
    beacon: function (url, resolve) {
      resolve(navigator.sendBeacon(url, 'event=page_view') ? 'sent' : 'refused');
    },
    websocket: function (url, resolve) {
      var socket = new WebSocket(url);
      socket.onopen = function () {
        resolve('loaded');
        socket.close();
      };
      socket.onerror = function () {
        resolve('failed');
      };
    },
  };

  // Firefox fires no event at all for a frame or socket the extension blocked. Once every load that always
  // reports has settled, the page asks the replica whether each still-silent load reached it: one that did is only
  // slow (a busy machine) and is waited for; one that has not arrived within ARRIVAL_WAIT_MS was blocked: 'silent'.
  var MAY_STAY_SILENT = ['frame', 'websocket'];
  var ARRIVAL_WAIT_MS = 3000;
  var LOAD_TIMEOUT_MS = 45000;
  var silentChecks = [];

  // One request for all of them: a browser opens at most six connections to the page's host, so one long poll per
  // silent load would queue them behind each other.
  function arrived(urls) {
    var query = '?visit=' + encodeURIComponent(config.visit || '') + '&waitMs=' + ARRIVAL_WAIT_MS;
    return fetch('/__arrived' + query, { method: 'POST', body: JSON.stringify(urls), cache: 'no-store' }).then(
      function (response) {
        return response.json().then(function (answer) {
          return answer.arrived;
        });
      },
      function () {
        return urls.map(function () {
          return false;
        });
      },
    );
  }

  function settle(load) {
    return new Promise(function (resolve) {
      // A load the browser neither finishes nor fails must not hang the page forever.
      var timer = setTimeout(function () {
        resolve('timeout');
      }, LOAD_TIMEOUT_MS);
      var settled = false;
      var finish = function (outcome) {
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      if (MAY_STAY_SILENT.indexOf(load.kind) >= 0)
        silentChecks.push({
          url: load.url,
          pending: function () {
            return !settled;
          },
          silent: function () {
            finish('silent');
          },
        });
      loaders[load.kind](load.url, finish, load);
    }).then(function (outcome) {
      return { kind: load.kind, url: load.url, outcome: outcome };
    });
  }

  // A loader's (tag manager's) script hands over what it injects; the visit is done only once those settle too.
  var injected = [];
  window.__replicaInject = function (loads) {
    loads.forEach(function (load) {
      injected.push(settle(load));
    });
  };
  // What was injected after the visit reported done (a CMP that releases its parked tags on a click), once settled.
  window.__replicaInjectedOutcomes = function () {
    return Promise.all(injected);
  };

  var beacons = config.loads.filter(function (load) {
    return load.kind === 'beacon';
  });
  var loads = beacons.concat(
    config.loads.filter(function (load) {
      return load.kind !== 'beacon';
    }),
  );
  var settled = loads.map(settle);
  var reporting = settled.filter(function (_, index) {
    return MAY_STAY_SILENT.indexOf(loads[index].kind) < 0;
  });
  Promise.all(reporting).then(function () {
    var pending = silentChecks.filter(function (check) {
      return check.pending();
    });
    if (pending.length === 0) return;
    arrived(
      pending.map(function (check) {
        return check.url;
      }),
    ).then(function (answers) {
      pending.forEach(function (check, index) {
        if (!answers[index] && check.pending()) check.silent();
      });
    });
  });
  Promise.all(settled)
    .then(function (outcomes) {
      // A loader's script has run before its load event settled it, so everything it injected is listed by now.
      return Promise.all(injected).then(function (more) {
        return outcomes.concat(more);
      });
    })
    .then(function (outcomes) {
      // The identifiers variant's writes (identifiers-script.js) finish before the visit is done.
      return Promise.resolve(window.__replicaWrites).then(function () {
        return outcomes;
      });
    })
    .then(function (outcomes) {
      window.__replicaOutcomes = outcomes;
      var visit = config.visit ? '?visit=' + encodeURIComponent(config.visit) : '';
      return fetch('/__done' + visit, { method: 'POST', body: JSON.stringify(outcomes) });
    })
    .then(function () {
      window.__replicaDone = true;
      document.documentElement.setAttribute('data-replica-done', 'true');
    });
})();
