// bulletin's own name and version, from its package.json (one folder above src/ and lib/): what
// `--version` prints and what `init` pins a new series to.
import { fileURLToPath } from 'node:url';
import { nodeIo } from './io.js';

export interface PackageInfo {
  name: string;
  version: string;
}

let info: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (!info) {
    const file = fileURLToPath(new URL('../package.json', import.meta.url));
    const data = JSON.parse(nodeIo.readTextSync(file)) as { name: string; version: string };
    info = { name: data.name, version: data.version };
  }
  return info;
}
