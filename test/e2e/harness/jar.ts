// Playwright's and Puppeteer's cookies differ only in optional fields; both become the harness's JarCookie.
import type { JarCookie } from './types';

interface DriverCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  httpOnly?: boolean;
  sameSite?: string;
  partitionKey?: unknown;
}

export function toJarCookie(cookie: DriverCookie): JarCookie {
  return {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly ?? false,
    sameSite: cookie.sameSite ?? 'None',
    partitioned: Boolean(cookie.partitionKey),
  };
}
