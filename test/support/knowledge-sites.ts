// Jest's stand-in for the build's `knowledge:sites` module: the same validated files, read from disk.
import { loadSites } from '../../scripts/build';

export default loadSites();
