// A self-signed certificate for the replica's host names, made in memory (selfsigned, no openssl) each time a
// replica starts: an EC key takes a few milliseconds. Browsers are told to accept it.
import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

export async function certificateFor(hosts: string[]): Promise<Certificate> {
  const pems = await generate([{ name: 'commonName', value: 'policy-guard replica' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 365 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: ['localhost', ...hosts].map((value) => ({ type: 2 as const, value })) },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
