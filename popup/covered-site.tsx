// A covered page: its registrable domain, whose choices the switches show and make, the owner whose documents cover
// it, a switch per notice category, what the owner collects, its opt-outs.
import { useState } from 'preact/hooks';
import type { Site } from '../src/knowledge/schema';
import type { TabState } from '../src/messaging/protocol';
import { ChoiceList } from '../src/ui/choice-list';
import { CollectedList } from '../src/ui/collected-list';
import type { Connector } from '../src/ui/connector';
import { DocumentList } from '../src/ui/document-list';
import { declaredSourceText, undeclaredText } from '../src/ui/declaration-text';
import { gpcText } from '../src/ui/gpc-text';
import { LatestDeclarationChange } from '../src/ui/declaration-changes';
import { PointList } from '../src/ui/point-list';
import { useAction } from '../src/ui/use-action';
import { useDeferred } from '../src/ui/use-deferred';
import { CategoryRow } from './category-row';
import { ConsentManager } from './consent-manager';

interface Props {
  connector: Connector;
  tabId: number;
  site: Site;
  /** The registrable domain of the tab's page: the choices shown and made here are this domain's only. */
  domain: string;
  state: TabState;
  /** The tab's state as the reply to a change gives it. */
  onState: (state: TabState) => void;
}

export function CoveredSite({ connector, tabId, site, domain, state, onState }: Props) {
  const [changed, setChanged] = useState(false);
  const { run, error } = useAction();
  const act = async (action: () => Promise<TabState>) => setChanged((await run(async () => onState(await action()))) || changed);

  const setChoice = (categoryId: string, allowed: boolean) =>
    act(() => connector.request('set-tab-choice', { tabId, domain, categoryId, allowed }));
  const setPaused = (paused: boolean) => act(() => connector.request('set-tab-paused', { tabId, domain, paused }));
  const applyToOwner = () => act(() => connector.request('apply-choices-to-owner', { tabId, domain }));
  const answerCmp = (allow: boolean) => {
    const categories = state.cmp?.question?.granted.map(({ id }) => id) ?? [];
    return act(() => connector.request('answer-cmp-question', { tabId, domain, allow, categories }));
  };
  const otherDomains = site.domains.filter((other) => other !== domain);
  const gpc = gpcText(site, domain, state.allowed, state.paused, state.globalPrivacyControl);
  const declared = declaredSourceText(site);
  // The site's words render once the controls are on screen.
  const siteWords = useDeferred();

  return (
    <main>
      <header>
        <h1>{domain}</h1>
        <p class="lead" id="owner-note">
          {declared ?? `Covered by ${site.name}'s ${documentKinds(site)}`}
        </p>
      </header>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Cookie categories on {domain}</h2>
        {state.paused && (
          <p id="paused-note" class="note">
            Paused: everything is allowed on {domain} until you resume.
          </p>
        )}
        <ul class="categories">
          {site.categories.map((category) => (
            <CategoryRow
              key={category.id}
              site={site}
              category={category}
              allowed={state.allowed[category.id] === true}
              paused={state.paused}
              counts={state.counts[category.id]}
              onChange={(allowed) => void setChoice(category.id, allowed)}
            />
          ))}
        </ul>
        <div class="actions">
          <button type="button" id="pause" onClick={() => void setPaused(!state.paused)}>
            {state.paused ? `Resume on ${domain}` : `Pause on ${domain}`}
          </button>
        </div>
        <div role="status" class="status">
          {changed && (
            <>
              Your change applies from the next page load.{' '}
              <button type="button" onClick={() => void connector.reloadTab(tabId)}>
                Reload tab
              </button>
            </>
          )}
        </div>
        <p role="alert" class="error">
          {error && `That did not work: ${error}`}
        </p>
      </section>

      {state.cmp && <ConsentManager owner={site.name} domain={domain} status={state.cmp} onAnswer={(allow) => void answerCmp(allow)} />}

      {(gpc || otherDomains.length > 0) && (
        <section aria-label={`Other settings for ${domain}`} class="more-settings">
          {gpc && (
            <p id="gpc" class="note">
              {gpc}
            </p>
          )}
          {otherDomains.length > 0 && (
            <div class="actions">
              <button type="button" id="apply-to-owner" aria-describedby="apply-to-owner-note" onClick={() => void applyToOwner()}>
                Apply these choices to all of {site.name}'s sites
              </button>
              <p id="apply-to-owner-note" class="note">
                Your choices here hold on {domain} only, until you apply them to {otherDomains.join(', ')}.
              </p>
            </div>
          )}
        </section>
      )}

      {declared === null
        ? siteWords && (
            <>
              <section aria-labelledby="points-heading">
                <h2 id="points-heading">What {site.name} says it does with your data</h2>
                <PointList site={site} headingLevel={3} />
              </section>

              <section aria-labelledby="choices-heading">
                <h2 id="choices-heading">Your choices</h2>
                <ChoiceList site={site} />
              </section>

              <section aria-labelledby="collected-heading">
                <h2 id="collected-heading">What {site.name} collects</h2>
                <CollectedList site={site} headingLevel={3} />
              </section>

              <section aria-labelledby="documents-heading">
                <h2 id="documents-heading">Its documents</h2>
                <DocumentList site={site} />
              </section>
            </>
          )
        : (state.protection?.changes[0] ?? state.undeclared) && (
            <section aria-label="Its declaration">
              {state.protection?.changes[0] && <LatestDeclarationChange change={state.protection.changes[0]} />}
              {state.undeclared && (
                <p class="note" id="undeclared">
                  {undeclaredText(state.undeclared)}
                </p>
              )}
            </section>
          )}

      <footer>
        <button type="button" onClick={() => void connector.openOptionsPage()}>
          Defaults, exceptions and full policies
        </button>
      </footer>
    </main>
  );
}

/** "privacy policy and cookie notice": the kinds of documents that cover the site, in the order it lists them. */
function documentKinds(site: Site): string {
  const kinds = [...new Set(site.documents.map((doc) => (doc.kind === 'privacy-policy' ? 'privacy policy' : 'cookie notice')))];
  return kinds.length > 0 ? kinds.join(' and ') : 'policy';
}
