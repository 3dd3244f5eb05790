// A covered site: its documents, a switch per notice category, what it collects, its opt-outs.
import { useState } from 'preact/hooks';
import type { Site } from '../src/core/knowledge';
import type { TabState } from '../src/core/messages';
import { CollectedList } from '../src/ui/collected-list';
import type { Connector } from '../src/ui/connector';
import { DocumentList } from '../src/ui/document-list';
import { OptOutList } from '../src/ui/opt-out-list';
import { useAction } from '../src/ui/use-action';
import { CategoryRow } from './category-row';

interface Props {
  connector: Connector;
  tabId: number;
  site: Site;
  state: TabState;
  /** The tab's state as the reply to a change gives it. */
  onState: (state: TabState) => void;
}

export function CoveredSite({ connector, tabId, site, state, onState }: Props) {
  const [changed, setChanged] = useState(false);
  const { run, error } = useAction();
  const act = async (action: () => Promise<TabState>) => setChanged((await run(async () => onState(await action()))) || changed);

  const setChoice = (categoryId: string, allowed: boolean) =>
    act(() => connector.request('set-tab-choice', { tabId, siteId: site.id, categoryId, allowed }));
  const setPaused = (paused: boolean) => act(() => connector.request('set-tab-paused', { tabId, siteId: site.id, paused }));

  return (
    <main>
      <header>
        <h1>{site.name}</h1>
        <p class="lead">Covered by its own policy and notice:</p>
        <DocumentList site={site} />
      </header>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Cookie categories on this site</h2>
        {state.paused && (
          <p id="paused-note" class="note">
            Paused: everything is allowed on this site until you resume.
          </p>
        )}
        <ul class="categories">
          {site.categories.map((category) => (
            <CategoryRow
              key={category.id}
              site={site}
              category={category}
              allowed={state.allowed[category.id] ?? category.defaultAllowed}
              paused={state.paused}
              counts={state.counts[category.id]}
              onChange={(allowed) => void setChoice(category.id, allowed)}
            />
          ))}
        </ul>
        <div class="actions">
          <button type="button" onClick={() => void setPaused(!state.paused)}>
            {state.paused ? 'Resume on this site' : 'Pause on this site'}
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

      <section aria-labelledby="collected-heading">
        <h2 id="collected-heading">What this site collects</h2>
        <CollectedList site={site} headingLevel={3} />
      </section>

      <section aria-labelledby="choices-heading">
        <h2 id="choices-heading">Your choices</h2>
        <OptOutList site={site} />
      </section>

      <footer>
        <button type="button" onClick={() => void connector.openOptionsPage()}>
          Defaults, exceptions and full policies
        </button>
      </footer>
    </main>
  );
}
