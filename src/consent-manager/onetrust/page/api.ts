// Functions the worker runs once in a covered page's main world (scripting.executeScript), where OneTrust lives.
// Each is serialised on its own: no imports, no closures. What they return is page data and is checked by the platform's schema (verify.ts).
// OneTrust's API as its public developer documentation names it: window.OneTrust with IsAlertBoxClosed(),
// RejectAll(), AllowAll() and UpdateConsent("Category", "<group>:<0|1>"); window.OnetrustActiveGroups.

interface OneTrustApi {
  GetDomainData?: () => unknown;
  IsAlertBoxClosed?: () => unknown;
  RejectAll?: () => unknown;
  AllowAll?: () => unknown;
  UpdateConsent?: (type: string, value: string) => unknown;
}

/**
 * Waits up to `waitMs` for OneTrust to publish its active groups, then reports what it believes and shows; reports no
 * CMP in a document of another origin than `origin`, the page the worker means (location.origin is unforgeable).
 */
export async function observeOneTrust(waitMs: number, origin: string): Promise<unknown> {
  if (location.origin !== origin) return { found: false };
  const activeGroups = (): unknown => Reflect.get(window, 'OnetrustActiveGroups');
  const deadline = Date.now() + waitMs;
  while (typeof activeGroups() !== 'string' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const api = Reflect.get(window, 'OneTrust') as OneTrustApi | undefined;
  const groups = activeGroups();
  if (typeof groups !== 'string' || typeof api !== 'object') return { found: false };
  const banner = document.getElementById('onetrust-banner-sdk');
  // The declared groups as plain values, texts cut to groups.ts's caps; verify.ts checks ids, lengths and count.
  const declared = (Reflect.get(Object(api.GetDomainData?.()), 'Groups') ?? []) as unknown;
  const text = (value: unknown, max = 64): string => (typeof value === 'string' ? value.slice(0, max) : '');
  return {
    found: true,
    activeGroups: groups.slice(0, 4096),
    alertBoxClosed: api.IsAlertBoxClosed?.() === true,
    bannerShown: banner !== null && banner.getClientRects().length > 0 && getComputedStyle(banner).visibility !== 'hidden',
    groups: Array.isArray(declared)
      ? declared.slice(0, 64).map((group: unknown) => ({
          id: text(Reflect.get(Object(group), 'CustomGroupId')),
          name: text(Reflect.get(Object(group), 'GroupName'), 120),
          description: text(Reflect.get(Object(group), 'GroupDescription'), 600),
          alwaysActive: Reflect.get(Object(group), 'Status') === 'always active',
        }))
      : [],
  };
}

/**
 * Makes the one repair call verify.ts chose (never Close(), which applies the site's default), and nothing in a
 * document of another origin than `origin`, the page that was observed.
 */
export function repairOneTrust(origin: string, call: string, groups: Array<[string, boolean]>): void {
  if (location.origin !== origin) return;
  const api = Reflect.get(window, 'OneTrust') as OneTrustApi | undefined;
  if (call === 'RejectAll') api?.RejectAll?.();
  else if (call === 'AllowAll') api?.AllowAll?.();
  else for (const [group, consented] of groups) api?.UpdateConsent?.('Category', `${group}:${consented ? 1 : 0}`);
}
