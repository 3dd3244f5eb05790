// The options page's entry: binds the page to the real browser.
import { render } from 'preact';
import { browserConnector } from '../src/ui/browser-connector';
import { OptionsPage } from './options-page';

render(<OptionsPage connector={browserConnector} />, document.getElementById('app')!);
