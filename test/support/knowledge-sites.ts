// Jest's stand-in for the build's `knowledge:sites` module: the same validated files, read from disk.
import { loadSites } from '../../src/knowledge/load';

export default loadSites();
