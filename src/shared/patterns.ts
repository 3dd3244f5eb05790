// The shapes of names that reach the extension from pages, settings files and the knowledge base, one home each.

/** A consent manager's group id: standard and custom ids ("C0001", "BG28"), IAB purposes ("IABV2_1"), flag names. */
export const GROUP_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** A lower-case host name with a known kind of top-level label. */
export const HOST_NAME = /^(?=.{1,253}$)([a-z0-9-]+\.)+([a-z]{2,}|xn--[a-z0-9-]+)$/;

/** A cookie name as a cookie header carries it (RFC 6265 token), or a prefix ending in "*". */
export const COOKIE_NAME = /^[!#$%&'+\-.^_`|~0-9A-Za-z]{1,128}\*?$/;

/**
 * A consent manager platform's id ("onetrust"): the knowledge base names one by it; which ids exist is the
 * consent-manager registry's to say (a site naming another is checked by `npm run policy -- verify` and the build).
 */
export const PLATFORM_ID = /^[a-z][a-z0-9-]{0,31}$/;
