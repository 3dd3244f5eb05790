// The site's consent manager (CMP): what the extension told it on this domain and whether the page's CMP holds it.
// Everything shown is our data or group ids; the CMP's own texts are never rendered here.
import type { CmpStatus } from '../src/core/cmp/status';
import { checkText, toldText } from '../src/ui/cmp-text';

export function ConsentManager({ owner, status }: { owner: string; status: CmpStatus }) {
  return (
    <section aria-labelledby="cmp-heading" class="cmp">
      <h2 id="cmp-heading">
        {owner}'s consent manager ({status.name})
      </h2>
      {status.paused ? (
        <p>Paused here: it is not answered, so the site's banner asks you.</p>
      ) : (
        <>
          <p>Was told: {toldText(status)}.</p>
          <p class="note">{checkText(status.check)}</p>
        </>
      )}
    </section>
  );
}
