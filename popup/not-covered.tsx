// A tab whose site the knowledge base does not cover: what its consent manager declares, in the site's words (read
// from the page the person is looking at), and the offer to protect it from those declarations; or, plainly, why
// there is nothing to read. Everything from the page is rendered as text.
import { useEffect, useState } from 'preact/hooks';
import type { TabState } from '../src/messaging/protocol';
import type { SiteReading } from '../src/protected-sites/reading';
import type { TabCounts } from '../src/tab-counts/tab-counts';
import { sumCounts } from '../src/tab-counts/tab-counts';
import type { Connector } from '../src/ui/connector';
import { countsText } from '../src/ui/counts';
import { declarationText, disputedText, failureText, problemText } from '../src/ui/declaration-text';
import { DeclaredCategories } from '../src/ui/declared-categories';
import { useAction } from '../src/ui/use-action';
import { messageOf } from '../src/ui/use-remote';

interface Props {
  connector: Connector;
  /** Null when the popup has no tab to speak about. */
  tabId: number | null;
  counts: TabCounts;
  /** The tab's state once the site is protected (it is covered from then on). */
  onState?: (state: TabState) => void;
}

export function NotCovered({ connector, tabId, counts, onState }: Props) {
  const [reading, setReading] = useState<SiteReading | { state: 'reading' }>({ state: 'reading' });
  useEffect(() => {
    if (tabId === null) return;
    connector
      .request('read-tab-site', { tabId })
      .then(setReading, (error: unknown) =>
        setReading({ state: 'unreadable', problem: { code: 'request-failed', reason: messageOf(error) } }),
      );
  }, [connector, tabId]);

  return (
    <main class="not-covered">
      <h1>{'domain' in reading ? reading.domain : 'This site'} is not covered</h1>
      <p>Policy Guard knows no privacy policy of this site, so it changes nothing here until you protect it.</p>
      {tabId !== null && <Reading connector={connector} tabId={tabId} reading={reading} onState={onState} />}
      <p class="counts">{countsText(sumCounts(counts))}</p>
      <footer>
        <button type="button" onClick={() => void connector.openOptionsPage()}>
          See the covered sites and your settings
        </button>
      </footer>
    </main>
  );
}

function Reading({
  connector,
  tabId,
  reading,
  onState,
}: {
  connector: Connector;
  tabId: number;
  reading: SiteReading | { state: 'reading' };
  onState?: (state: TabState) => void;
}) {
  const { run, error } = useAction();
  const [refused, setRefused] = useState(false);
  if (reading.state === 'reading')
    return (
      <p role="status" id="declaration">
        Reading this site's consent manager…
      </p>
    );
  if (reading.state !== 'found')
    return (
      <p role="status" id="declaration">
        {problemText(reading.problem)}
      </p>
    );
  const { summary, domain, origins } = reading;
  const protect = async (): Promise<void> => {
    // The request first: the browser grants it only while it handles the click.
    const granted = await connector.requestSiteAccess(origins);
    setRefused(!granted);
    if (granted) await run(async () => onState?.(await connector.request('protect-tab-site', { tabId, domain })));
  };
  return (
    <section aria-labelledby="declaration">
      <h2 id="declaration">{declarationText(summary)}</h2>
      <DeclaredCategories
        categories={summary.categories.map(({ id, name, alwaysActive, cookies, hosts, description }) => ({
          id,
          name,
          alwaysActive,
          counts: { cookies, hosts },
          description,
        }))}
      />
      {summary.disputed.length > 0 && (
        <ul class="warnings" aria-label="Where the site's words disagree with Policy Guard's knowledge base">
          {summary.disputed.map((entry) => (
            <li key={entry.host} class="warning">
              {disputedText(entry)}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" class="primary" id="protect-site" onClick={() => void protect()}>
          Protect this site ({domain})
        </button>
        <p class="note">
          Asks your browser to let Policy Guard act on {domain}. Its categories then get a switch each, set from your defaults; those
          refused are blocked and their cookies removed.
        </p>
      </div>
      <p role="alert" class="error">
        {refused && `Access to ${domain} was not given, so nothing changed.`}
        {error && `That did not work: ${failureText(error)}`}
      </p>
    </section>
  );
}
