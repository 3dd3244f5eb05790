// Registrable domains with their own choices or paused, grouped by the owner whose policy covers them (or, for a site
// protected from its consent manager, that site itself, with its own category names): edit the choices, resume, or
// remove the exception.
import { isAllowed } from '../src/settings/choices';
import { isWithin } from '../src/shared/hosts';
import type { Site } from '../src/knowledge/schema';
import type { SiteChoices } from '../src/settings/settings';
import { CategorySwitch } from '../src/ui/category-switch';
import { declaredSourceText } from '../src/ui/declaration-text';
import type { SectionProps } from './section-props';

export function SiteExceptions(props: SectionProps) {
  const owners = byOwner(Object.keys(props.settings.sites).sort(), props.sites);
  return (
    <section id="exceptions" aria-labelledby="exceptions-heading">
      <h2 id="exceptions-heading">Site exceptions</h2>
      {owners.length === 0 ? (
        <p>No site has choices of its own. Use the toolbar popup on a covered site to make some.</p>
      ) : (
        owners.map(({ site, domains }) => {
          const headingId = `owner-${site?.id ?? 'none'}`;
          const declared = site && declaredSourceText(site);
          return (
            <article key={headingId} class="owner" aria-labelledby={headingId}>
              <h3 id={headingId}>{site?.name ?? 'No longer covered'}</h3>
              {declared && <p class="note">{declared}</p>}
              {domains.map((domain) => (
                <SiteException key={domain} {...props} domain={domain} own={props.settings.sites[domain]!} site={site} />
              ))}
            </article>
          );
        })
      )}
    </section>
  );
}

/** Domains under the covered site that lists them (or a parent of them), in the order of `sites`; unknown ones last. */
function byOwner(domains: readonly string[], sites: readonly Site[]): Array<{ site: Site | undefined; domains: string[] }> {
  const owned = sites
    .map((site) => ({ site, domains: domains.filter((domain) => site.domains.some((listed) => isWithin(domain, listed))) }))
    .filter((owner) => owner.domains.length > 0);
  const orphans = domains.filter((domain) => !owned.some((owner) => owner.domains.includes(domain)));
  return orphans.length > 0 ? [...owned, { site: undefined, domains: orphans }] : owned;
}

interface ExceptionProps extends SectionProps {
  domain: string;
  own: SiteChoices;
  site: Site | undefined;
}

function SiteException({ connector, run, settings, domain, own, site }: ExceptionProps) {
  const headingId = `exception-${domain}`;
  return (
    <section class="exception" aria-labelledby={headingId}>
      <h4 id={headingId}>{domain}</h4>
      {own.paused && <p class="note">Paused: everything is allowed on {domain}.</p>}
      {site ? (
        <ul class="categories">
          {site.categories.map((category) => (
            <li class="category" key={category.id}>
              <CategorySwitch
                name={category.id}
                label={category.label}
                context={`on ${domain}`}
                checked={isAllowed(site, category, settings, domain)}
                locked={!category.refusable}
                disabled={own.paused}
                onChange={(allowed) => void run(() => connector.request('set-site-choice', { domain, categoryId: category.id, allowed }))}
              />
              {category.refusable && !(category.id in own.choices) && <p class="note">Follows your default.</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="note">This domain is no longer covered; its choices have no effect.</p>
      )}
      <div class="actions">
        {own.paused && (
          <button type="button" onClick={() => void run(() => connector.request('set-site-paused', { domain, paused: false }))}>
            Resume on {domain}
          </button>
        )}
        <button type="button" onClick={() => void run(() => connector.request('remove-site-exception', { domain }))}>
          Remove the exception for {domain}
        </button>
      </div>
    </section>
  );
}
