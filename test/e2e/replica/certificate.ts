// A self-signed certificate for the replica's host names, made with openssl on first use and cached in .cache/
// (keyed by the host list, so a knowledge-base change makes a new one). Browsers are told to accept it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';

const cacheDir = resolve(__dirname, '../../../.cache/replica-cert');

export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

export function certificateFor(hosts: string[]): Certificate {
  const digest = createHash('sha256').update(hosts.join(',')).digest('hex').slice(0, 16);
  const keyPath = join(cacheDir, `${digest}.key`);
  const certPath = join(cacheDir, `${digest}.crt`);
  if (!existsSync(certPath)) {
    mkdirSync(cacheDir, { recursive: true });
    // Written under a private name, then renamed: engineers running tests at once never read half a file.
    const scratch = join(cacheDir, `${digest}.${process.pid}`);
    const subjectAltName = ['localhost', ...hosts].map((host) => `DNS:${host}`).join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '3650',
        '-subj',
        '/CN=policy-guard replica',
        '-addext',
        `subjectAltName=${subjectAltName}`,
        '-keyout',
        `${scratch}.key`,
        '-out',
        `${scratch}.crt`,
      ],
      { stdio: 'pipe' },
    );
    renameSync(`${scratch}.key`, keyPath);
    renameSync(`${scratch}.crt`, certPath);
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}
