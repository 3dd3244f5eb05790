// Runs in the page's main world at document_start on covered sites, after the data files of the refused
// categories (see core/shield-plan.ts): the page's own scripts then cannot store a refused first-party cookie,
// so none rides on the requests they make next. The worker's cookie removal stays as the backstop.
import { SHIELD_GLOBAL } from '../core/shield-plan';
import { wrapCookieSetter } from './cookie-wrap';

const scope = globalThis as unknown as Record<string, unknown>;
const patterns = scope[SHIELD_GLOBAL];
// The page never sees the list.
delete scope[SHIELD_GLOBAL];
if (Array.isArray(patterns))
  wrapCookieSetter(
    Document.prototype,
    patterns.filter((pattern): pattern is string => typeof pattern === 'string'),
  );
