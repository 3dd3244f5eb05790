// The site's consent manager (CMP): what the extension told it on this domain and whether the page's CMP holds it.
// Our data and group ids, and the CMP's own names and descriptions of groups the notice does not name, as text.
import type { CmpStatus } from '../src/consent-manager/status';
import { answerFailedText, checkText, questionText, toldText, unmappedText } from '../src/ui/cmp-text';

interface Props {
  owner: string;
  domain: string;
  status: CmpStatus;
  /** The person's answer to the question: allow what they allowed in the CMP on this domain too, or keep it refused. */
  onAnswer: (allow: boolean) => void;
}

export function ConsentManager({ owner, domain, status, onAnswer }: Props) {
  return (
    <section aria-labelledby="cmp-heading" class="cmp">
      <h2 id="cmp-heading">
        {owner}'s consent manager ({status.name})
      </h2>
      {status.question && (
        <div class="question" role="group" aria-labelledby="cmp-question">
          <p id="cmp-question">{questionText(status.question, domain)}</p>
          <button type="button" class="primary" id="cmp-allow" onClick={() => onAnswer(true)}>
            Allow on {domain}
          </button>
          <button type="button" id="cmp-keep" onClick={() => onAnswer(false)}>
            Keep refused
          </button>
        </div>
      )}
      {status.paused ? (
        <p>Paused here: it is not answered, so the site's banner asks you.</p>
      ) : (
        <>
          {status.answerFailed && (
            <p class="error" id="cmp-answer-failed">
              {answerFailedText(status.name)}
            </p>
          )}
          <p class="note">{checkText(status.check)}</p>
          <details class="cmp-told">
            <summary>What it was told</summary>
            <p>{toldText(status)}.</p>
            {status.check && status.check.unmapped.length > 0 && (
              <>
                <p>Its groups that the notice does not name:</p>
                <ul class="unmapped">
                  {status.check.unmapped.map((group) => (
                    <li key={group.id}>
                      {unmappedText(group, owner)}
                      {group.description && <q>{group.description}</q>}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </details>
        </>
      )}
    </section>
  );
}
