// The options page: defaults, exceptions, the sites protected from their consent manager, preferences, the settings
// file and each bundled site's policy, all from one 'get-settings' request. The settings then follow the replies to
// its own changes and the worker's pushes of changes made elsewhere (the popup). The bundled sites, which only an update
// of the extension changes, are not asked for again; the protected sites are read from the settings
// (settings.protectedSites), so they follow the same replies and pushes.
import type { SettingsState } from '../src/messaging/protocol';
import type { Site } from '../src/knowledge/schema';
import type { Settings } from '../src/settings/settings';
import type { Connector } from '../src/ui/connector';
import { useAction } from '../src/ui/use-action';
import { failureText } from '../src/ui/declaration-text';
import { useRemote } from '../src/ui/use-remote';
import { DefaultChoices } from './default-choices';
import { Preferences } from './preferences';
import { ProtectedSites, protectedSitesOf } from './protected-sites';
import { SettingsFile } from './settings-file';
import { SiteExceptions } from './site-exceptions';
import { SitePolicy } from './site-policy';

export function OptionsPage({ connector }: { connector: Connector }) {
  const [remote, { settle }] = useRemote(connector, () => connector.request('get-settings', {}), {
    subscription: { topic: 'settings' },
    apply: (state, { settings, recovered }): SettingsState => ({ ...state, settings, recovered }),
  });
  const { run: runAction, error } = useAction();
  // What the worker stored was valid, so nothing stays to report as repaired.
  const adopt = (settings: Settings) => settle((state) => ({ ...state, settings, recovered: [] }));
  const run = (action: () => Promise<Settings>) => runAction(async () => adopt(await action()));

  if (!remote.value) {
    return (
      <main>
        <h1>Policy Guard settings</h1>
        <p role={remote.error ? 'alert' : 'status'}>{remote.error ? `Could not load the settings: ${remote.error}` : 'Loading…'}</p>
      </main>
    );
  }
  const { settings, recovered } = remote.value;
  // 'get-settings' lists the sites protected when it answered as well: the settings say which are protected now.
  const bundled = remote.value.sites.filter((site) => site.declared === undefined);
  const covered: Site[] = [...bundled, ...protectedSitesOf(settings).map(({ record }) => record.site)];
  return (
    <>
      <header>
        <h1>Policy Guard settings</h1>
        <nav aria-label="Sections">
          <a href="#defaults">Defaults</a> <a href="#exceptions">Site exceptions</a> <a href="#protected-sites">Protected sites</a>{' '}
          <a href="#preferences">Preferences</a> <a href="#settings-file">Export, import, reset</a>{' '}
          <a href="#policies">Covered sites' policies</a>
        </nav>
      </header>
      <main>
        {recovered.length > 0 && (
          <section class="recovered" role="alert" aria-labelledby="recovered-heading">
            <h2 id="recovered-heading">Some stored settings had to be repaired</h2>
            <ul>
              {recovered.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </section>
        )}
        <p role="alert" class="error">
          {error && `That did not work: ${failureText(error)}`}
        </p>
        <DefaultChoices connector={connector} run={run} settings={settings} sites={bundled} />
        <SiteExceptions connector={connector} run={run} settings={settings} sites={covered} />
        <ProtectedSites connector={connector} run={run} settings={settings} />
        <Preferences connector={connector} run={run} settings={settings} />
        <SettingsFile connector={connector} onSettings={adopt} />
        <section id="policies" aria-labelledby="policies-heading">
          <h2 id="policies-heading">Covered sites' policies</h2>
          {covered.length > bundled.length && (
            <p class="lead">
              The sites you protected from their consent manager have no policy here; what they declare is listed with them,{' '}
              <a href="#protected-sites">above</a>.
            </p>
          )}
          {bundled.map((site) => (
            <SitePolicy key={site.id} site={site} />
          ))}
        </section>
      </main>
    </>
  );
}
