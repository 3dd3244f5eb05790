// The popup's entry: binds the page to the real browser.
import { render } from 'preact';
import { browserConnector } from '../src/ui/browser-connector';
import { Popup } from './popup';
import { tabIdFromQuery } from './tab-id';

// `npm run bench` reads the marks: from navigation, and from this script's start, to the first render with data.
performance.mark('popup-start');
const rendered = () => performance.mark('popup-rendered');

render(
  <Popup connector={browserConnector} tabId={tabIdFromQuery(location.search)} onRendered={rendered} />,
  document.getElementById('app')!,
);
