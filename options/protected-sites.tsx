// The sites the person protected from what their consent manager declares (settings.protectedSites): what each was read
// from and when, what it declares, what later readings found changed, and stopping its protection. Everything here
// comes from the site's page, so it is rendered as text only.
import { useEffect, useRef, useState } from 'preact/hooks';
import { siteAccessOrigins } from '../src/protected-sites/protected-sites';
import type { Connector } from '../src/ui/connector';
import type { ProtectedSite, Settings } from '../src/settings/settings';
import { consentManagerText, dayText, declaredCounts, declaredSiteText } from '../src/ui/declaration-text';
import { DeclaredCategories } from '../src/ui/declared-categories';
import { DeclarationChanges } from '../src/ui/declaration-changes';
import type { SectionProps } from './section-props';
import { TrackerTable } from './tracker-table';

/** The protected sites in `settings`, by domain. */
export function protectedSitesOf(settings: Settings): Array<{ domain: string; record: ProtectedSite }> {
  return Object.keys(settings.protectedSites)
    .sort()
    .map((domain) => ({ domain, record: settings.protectedSites[domain]! }));
}

export function ProtectedSites({ connector, run, settings }: Omit<SectionProps, 'sites'>) {
  const [stopped, setStopped] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const records = protectedSitesOf(settings);

  const stop = async (domain: string) => {
    if (!(await run(() => connector.request('unprotect-site', { domain })))) return;
    setStopped(`Stopped protecting ${domain}: your choices there are forgotten and its site access is given back.`);
    // Its button is gone with it: keep the keyboard in this section.
    heading.current?.focus();
  };

  return (
    <section id="protected-sites" aria-labelledby="protected-sites-heading">
      <h2 id="protected-sites-heading" ref={heading} tabIndex={-1}>
        Sites you protected from their consent manager
      </h2>
      {records.length === 0 ? (
        <p>
          You have not protected any site. To protect a site Policy Guard does not cover, open it, click the Policy Guard button in the
          toolbar, then “Protect this site”.
        </p>
      ) : (
        <>
          <p class="lead">
            Policy Guard knows no policy of these sites: it follows what their own consent manager declares, read again on each visit. Their
            categories that match a default choice above follow it; the others start refused unless the site keeps them always active.
            Choose per site from the toolbar popup.
          </p>
          {records.map(({ domain, record }) => (
            <ProtectedSiteEntry key={domain} connector={connector} domain={domain} record={record} onStop={() => void stop(domain)} />
          ))}
        </>
      )}
      <p role="status" class="status">
        {stopped}
      </p>
    </section>
  );
}

interface EntryProps {
  connector: Connector;
  domain: string;
  record: ProtectedSite;
  onStop: () => void;
}

function ProtectedSiteEntry({ connector, domain, record, onStop }: EntryProps) {
  const { site, protectedAt, changes } = record;
  const headingId = `protected-${site.id}`;
  const stopNoteId = `stop-${site.id}`;
  return (
    <article class="protected-site" aria-labelledby={headingId}>
      <h3 id={headingId}>{domain}</h3>
      <dl class="protected-facts">
        <div>
          <dt>Consent manager</dt>
          <dd>{consentManagerText(site)}</dd>
        </div>
        <div>
          <dt>Protected on</dt>
          <dd>{dayText(protectedAt)}</dd>
        </div>
        <div>
          <dt>Its declaration as read on</dt>
          <dd>{site.declared ? dayText(site.declared.captured) : 'unknown'}</dd>
        </div>
        <div>
          <dt>It declares</dt>
          <dd>{declaredSiteText(site)}</dd>
        </div>
      </dl>
      <SiteAccess connector={connector} domain={domain} />

      <h4>Its categories</h4>
      <DeclaredCategories
        categories={site.categories.map((category) => ({
          id: category.id,
          name: category.label,
          alwaysActive: !category.refusable,
          counts: declaredCounts(site, category.id),
          description: category.description,
        }))}
      />
      <details class="declared-trackers">
        <summary>Its declared hosts and cookies</summary>
        <TrackerTable site={site} />
      </details>

      <h4>Changes later readings found</h4>
      <DeclarationChanges changes={changes} />

      <div class="actions">
        <div class="action-with-note">
          <button type="button" class="danger" aria-describedby={stopNoteId} onClick={onStop}>
            Stop protecting {domain}
          </button>
          <p id={stopNoteId} class="note">
            Nothing is stopped on {domain} any more, your choices there are forgotten, and Policy Guard gives back its access to the site.
          </p>
        </div>
      </div>
    </article>
  );
}

/**
 * A protected site without its host permission (imported from a file, or taken back in the browser's own settings):
 * its hosts are still blocked, but its cookies cannot be removed nor its pages read. Says so, and asks for it.
 */
function SiteAccess({ connector, domain }: { connector: Connector; domain: string }) {
  const origins = siteAccessOrigins(domain);
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    void connector.hasSiteAccess(origins).then(setGranted, () => setGranted(null));
  }, [connector, domain]);
  if (granted !== false) return null;
  const ask = async (): Promise<void> => {
    // The request first: the browser grants it only while it handles the click.
    setGranted(await connector.requestSiteAccess(origins));
  };
  return (
    <div class="access-missing" role="group" aria-label={`Access to ${domain}`}>
      <p class="note">
        Policy Guard has no access to {domain}: its declared hosts are still blocked, but its cookies are not removed and its pages are not
        read again.
      </p>
      <button type="button" onClick={() => void ask()}>
        Give Policy Guard access to {domain}
      </button>
    </div>
  );
}
