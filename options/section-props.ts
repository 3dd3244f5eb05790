// What every settings section gets from the page: the client, the action runner, the current state.
import type { Site } from '../src/knowledge/schema';
import type { Settings } from '../src/settings/settings';
import type { Connector } from '../src/ui/connector';

export interface SectionProps {
  connector: Connector;
  /** Runs a change; the page shows the settings its reply gives. */
  run: (action: () => Promise<Settings>) => Promise<boolean>;
  settings: Settings;
  /**
   * The covered sites the section speaks about: the bundled knowledge base's, and for the exceptions also the sites
   * protected from their consent manager (from `settings.protectedSites`, which stays current).
   */
  sites: Site[];
}
