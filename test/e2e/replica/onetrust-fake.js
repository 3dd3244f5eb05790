// A stand-in for OneTrust's banner script, written from OneTrust's public developer documentation (the JavaScript
// API names, the `OptanonConsent` record, `OnetrustActiveGroups`, the `OneTrustGroupsUpdated` event and the
// `optanon-category-*` script parking) — no vendor code. The server prepends `var OT_FAKE = {...}`: the domain
// data (groups with their cookies and hosts), the region's model ('eu': ask first; 'us': allow all without asking),
// the registrable domain for the record, and whether to ignore a stored record (a CMP that does not read it).
(function () {
  var fake = OT_FAKE;
  var data = fake.domainData;
  var groups = data.Groups.map(function (group) {
    return group.CustomGroupId;
  });
  var alwaysActive = data.Groups.filter(function (group) {
    return group.Status === 'always active';
  }).map(function (group) {
    return group.CustomGroupId;
  });
  var listeners = [];
  // Answered in this page: a CMP that ignores its stored record still knows what it was just told.
  var answeredHere = false;

  function readCookie(name) {
    var found = document.cookie.split('; ').filter(function (pair) {
      return pair.indexOf(name + '=') === 0;
    })[0];
    return found === undefined ? null : found.slice(name.length + 1);
  }

  // The record's groups as group id → consented; null when there is no readable record.
  function storedGroups() {
    var value = readCookie('OptanonConsent');
    if (value === null || fake.ignoreRecord) return null;
    var listed = new URLSearchParams(value).get('groups');
    if (!listed) return null;
    var state = {};
    listed.split(',').forEach(function (entry) {
      var parts = entry.split(':');
      state[parts[0]] = parts[1] === '1';
    });
    return state;
  }

  function writeRecord(state) {
    var params = new URLSearchParams(readCookie('OptanonConsent') || '');
    params.set('datestamp', new Date().toString());
    params.set('version', fake.version);
    if (!params.get('consentId')) params.set('consentId', String(Math.random()).slice(2));
    params.set('interactionCount', String(Number(params.get('interactionCount') || 0) + 1));
    params.set('landingPath', 'NotLandingPage');
    params.set(
      'groups',
      groups
        .map(function (id) {
          return id + ':' + (state[id] ? 1 : 0);
        })
        .join(','),
    );
    var scope = '; path=/; domain=' + fake.domain + '; max-age=31536000; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
    document.cookie = 'OptanonConsent=' + params.toString() + scope;
    document.cookie = 'OptanonAlertBoxClosed=' + new Date().toISOString() + scope;
  }

  var stored = storedGroups();
  var active = {};
  groups.forEach(function (id) {
    var always = alwaysActive.indexOf(id) >= 0;
    if (always) active[id] = true;
    else if (stored !== null && id in stored) active[id] = stored[id];
    else active[id] = fake.region === 'us';
  });

  function activeList() {
    return groups.filter(function (id) {
      return active[id];
    });
  }

  // Tags parked as <script type="text/plain" class="optanon-category-C0002 ..."> run once all their groups are active.
  function releaseParkedTags() {
    var parked = document.querySelectorAll('script[type="text/plain"][class*="optanon-category-"]');
    var released = [];
    Array.prototype.forEach.call(parked, function (script) {
      var needed = script.className.split(/\s+/).filter(function (name) {
        return name.indexOf('optanon-category-') === 0;
      });
      var open = needed.every(function (name) {
        return active[name.slice('optanon-category-'.length)];
      });
      if (!open || script.getAttribute('data-released')) return;
      script.setAttribute('data-released', '1');
      released.push({ kind: 'script', url: script.getAttribute('src') });
    });
    // The replica page loads them and waits for them before it reports the visit done.
    if (released.length > 0) (window.__replicaInject || function () {})(released);
  }

  function publish() {
    window.OnetrustActiveGroups = ',' + activeList().join(',') + ',';
    window.OptanonActiveGroups = window.OnetrustActiveGroups;
    releaseParkedTags();
    window.dispatchEvent(new CustomEvent('OneTrustGroupsUpdated', { detail: activeList() }));
    listeners.forEach(function (listener) {
      listener({ detail: activeList() });
    });
    if (typeof window.OptanonWrapper === 'function') window.OptanonWrapper();
  }

  function answer(state) {
    answeredHere = true;
    groups.forEach(function (id) {
      if (alwaysActive.indexOf(id) < 0 && id in state) active[id] = state[id];
    });
    writeRecord(active);
    hideBanner();
    publish();
  }

  function everything(consented) {
    var state = {};
    groups.forEach(function (id) {
      state[id] = consented;
    });
    return state;
  }

  var banner = null;
  function showBanner() {
    banner = document.createElement('div');
    banner.id = 'onetrust-banner-sdk';
    banner.setAttribute('role', 'dialog');
    var text = document.createElement('p');
    text.textContent = 'We use cookies. Choose which ones.';
    banner.appendChild(text);
    [
      ['onetrust-accept-btn-handler', 'Accept all cookies', true],
      ['onetrust-reject-all-handler', 'Reject all', false],
    ].forEach(function (button) {
      var element = document.createElement('button');
      element.id = button[0];
      element.textContent = button[1];
      element.addEventListener('click', function () {
        answer(everything(button[2]));
      });
      banner.appendChild(element);
    });
    document.body.appendChild(banner);
  }

  function hideBanner() {
    if (banner !== null) banner.remove();
    banner = null;
  }

  // The preference centre: a switch per group (always-active ones locked on), "Allow all", "Reject all" and
  // "Confirm my choices", opened from the "Cookie settings" button sites keep on every page.
  var centre = null;
  function showPreferenceCentre() {
    if (centre !== null) return;
    centre = document.createElement('div');
    centre.id = 'onetrust-pc-sdk';
    centre.setAttribute('role', 'dialog');
    data.Groups.forEach(function (group) {
      var label = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.className = 'category-switch-handler';
      box.setAttribute('data-optanongroupid', group.CustomGroupId);
      box.checked = !!active[group.CustomGroupId];
      box.disabled = alwaysActive.indexOf(group.CustomGroupId) >= 0;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + group.GroupName));
      centre.appendChild(label);
    });
    [
      [
        'accept-recommended-btn-handler',
        'Allow all',
        function () {
          answer(everything(true));
        },
      ],
      [
        'ot-pc-refuse-all-handler',
        'Reject all',
        function () {
          answer(everything(false));
        },
      ],
      [
        'save-preference-btn-handler',
        'Confirm my choices',
        function () {
          var state = {};
          Array.prototype.forEach.call(centre.querySelectorAll('input[data-optanongroupid]'), function (box) {
            state[box.getAttribute('data-optanongroupid')] = box.checked;
          });
          answer(state);
        },
      ],
    ].forEach(function (button) {
      var element = document.createElement('button');
      element.id = button[0];
      element.textContent = button[1];
      element.addEventListener('click', function () {
        button[2]();
        centre.remove();
        centre = null;
      });
      centre.appendChild(element);
    });
    document.body.appendChild(centre);
  }
  var settingsButton = document.createElement('button');
  settingsButton.id = 'ot-sdk-btn';
  settingsButton.className = 'ot-sdk-show-settings';
  settingsButton.textContent = 'Cookie settings';
  settingsButton.addEventListener('click', showPreferenceCentre);
  document.body.appendChild(settingsButton);

  // Each API call, logged for the test (hostile-cmp.ts cmpApiCalls).
  function logged(call, argument) {
    navigator.sendBeacon('/__cmp-api/' + call + '/' + encodeURIComponent(argument || ''));
  }

  window.OneTrust = {
    ToggleInfoDisplay: showPreferenceCentre,
    GetDomainData: function () {
      return data;
    },
    IsAlertBoxClosed: function () {
      return answeredHere || (readCookie('OptanonAlertBoxClosed') !== null && !fake.ignoreRecord);
    },
    OnConsentChanged: function (listener) {
      listeners.push(listener);
    },
    AllowAll: function () {
      logged('AllowAll');
      answer(everything(true));
    },
    RejectAll: function () {
      logged('RejectAll');
      answer(everything(false));
    },
    // UpdateConsent("Category", "C0002:0"): one group's consent.
    UpdateConsent: function (type, value) {
      logged('UpdateConsent', type + ':' + value);
      if (type !== 'Category') return;
      var parts = String(value).split(':');
      var state = {};
      state[parts[0]] = parts[1] === '1';
      answer(state);
    },
    // Closing the banner records the site's default for the region as the answer.
    Close: function () {
      answer(everything(fake.region === 'us'));
    },
  };

  if (fake.region === 'eu' && !window.OneTrust.IsAlertBoxClosed()) showBanner();
  publish();
})();
