// Sites with their own choices or paused: edit the choices, resume, or remove the exception.
import { isAllowed } from '../src/core/choices';
import type { Site } from '../src/core/knowledge';
import type { SiteChoices } from '../src/core/settings';
import { CategorySwitch } from '../src/ui/category-switch';
import type { SectionProps } from './section-props';

export function SiteExceptions(props: SectionProps) {
  const entries = Object.entries(props.settings.sites);
  return (
    <section id="exceptions" aria-labelledby="exceptions-heading">
      <h2 id="exceptions-heading">Site exceptions</h2>
      {entries.length === 0 ? (
        <p>No site has choices of its own. Use the toolbar popup on a covered site to make some.</p>
      ) : (
        entries.map(([siteId, own]) => (
          <SiteException key={siteId} {...props} siteId={siteId} own={own} site={props.sites.find((s) => s.id === siteId)} />
        ))
      )}
    </section>
  );
}

interface ExceptionProps extends SectionProps {
  siteId: string;
  own: SiteChoices;
  site: Site | undefined;
}

function SiteException({ connector, run, settings, siteId, own, site }: ExceptionProps) {
  const name = site?.name ?? siteId;
  const headingId = `exception-${siteId}`;
  return (
    <article class="exception" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      {own.paused && <p class="note">Paused: everything is allowed on this site.</p>}
      {site ? (
        <ul class="categories">
          {site.categories.map((category) => (
            <li class="category" key={category.id}>
              <CategorySwitch
                name={category.id}
                label={category.label}
                context={`on ${name}`}
                checked={isAllowed(site, category, settings)}
                locked={!category.refusable}
                disabled={own.paused}
                onChange={(allowed) => void run(() => connector.request('set-site-choice', { siteId, categoryId: category.id, allowed }))}
              />
              {category.refusable && !(category.id in own.choices) && <p class="note">Follows your default.</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="note">This site is no longer covered; its choices have no effect.</p>
      )}
      <div class="actions">
        {own.paused && (
          <button type="button" onClick={() => void run(() => connector.request('set-site-paused', { siteId, paused: false }))}>
            Resume on {name}
          </button>
        )}
        <button type="button" onClick={() => void run(() => connector.request('remove-site-exception', { siteId }))}>
          Remove the exception for {name}
        </button>
      </div>
    </article>
  );
}
