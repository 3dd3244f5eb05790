// A tab whose site the knowledge base does not cover: say so, show what was stopped anyway, point onwards.
import type { TabCounts } from '../src/core/messages';
import type { Connector } from '../src/ui/connector';
import { sumCounts } from '../src/core/tab-counts';
import { countsText } from '../src/ui/counts';

export function NotCovered({ connector, counts }: { connector: Connector; counts: TabCounts }) {
  return (
    <main class="not-covered">
      <h1>This site is not covered</h1>
      <p>Policy Guard acts on the privacy policies it knows, and it does not know this site's. It changes nothing here.</p>
      <p class="counts">{countsText(sumCounts(counts))}</p>
      <footer>
        <button type="button" onClick={() => void connector.openOptionsPage()}>
          See the covered sites and your settings
        </button>
      </footer>
    </main>
  );
}
