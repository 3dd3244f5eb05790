// Registered in the page's own world at document start on covered domains that get Global Privacy Control
// (gpc/gpc.ts), before any page script: navigator.globalPrivacyControl is true there, as the spec defines it for a
// browser that sends the signal (https://privacycg.github.io/gpc-spec/#javascript-property-to-detect-preference).
// An accessor on Navigator.prototype, as the browser's own is; it overrides a browser's own false.
Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true, enumerable: true });
