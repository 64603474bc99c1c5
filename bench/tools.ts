// The external reference tools of the benchmark: openssl makes keys and certificates, xmlsec1
// (the XML-DSig reference implementation) signs the documents and is timed verifying them.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const XMLSEC1 = '/usr/bin/xmlsec1';

function run(cmd: string, args: string[], what: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.error) throw new Error(`${what}: cannot run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what}: ${cmd} ${args.join(' ')} exited with ${r.status}\n${r.stderr}`);
  return r;
}

export function requireTools(): void {
  if (!existsSync(XMLSEC1)) throw new Error(`${XMLSEC1} is missing: apt-get install xmlsec1`);
  run('openssl', ['version'], 'openssl check');
}

export interface KeyPair {
  keyFile: string;
  certFile: string;
  certPem: string;
  /** base64 DER of the certificate (what goes into X509Certificate). */
  certDer: string;
}

/** A self-signed RSA certificate and its unencrypted PKCS#8 key, as IdPs generate them. */
export function makeKeyPair(dir: string, name: string, subject: string, bits = 2048): KeyPair {
  const keyFile = join(dir, `${name}.key.pem`);
  const certFile = join(dir, `${name}.cert.pem`);
  run('openssl', ['req', '-x509', '-newkey', `rsa:${bits}`, '-sha256', '-nodes', '-days', '3650', '-subj', subject, '-keyout', keyFile, '-out', certFile], `key pair ${name}`);
  const certPem = readFileSync(certFile, 'utf8');
  const certDer = certPem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return { keyFile, certFile, certPem, certDer };
}

/** `xmlsec1 --sign` over a template; the key's certificate goes into KeyInfo/X509Data. */
export function signWithXmlsec(template: string, output: string, keys: KeyPair, idAttr: string): void {
  run(XMLSEC1, ['--sign', '--privkey-pem', `${keys.keyFile},${keys.certFile}`, `--id-attr:ID`, idAttr, '--output', output, template], 'xmlsec1 --sign');
}

export function xmlsecVerifyArgs(file: string, certFile: string, idAttr: string): string[] {
  return ['--verify', '--pubkey-cert-pem', certFile, `--id-attr:ID`, idAttr, file];
}

/** One `xmlsec1 --verify` process; its wall-clock time includes process start and reading the file. */
export function timeXmlsecVerify(args: string[]): { ms: number; ok: boolean; stderr: string } {
  const start = performance.now();
  const r = spawnSync(XMLSEC1, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  return { ms, ok: r.status === 0 && !r.error, stderr: r.stderr ?? String(r.error) };
}

export function xmlsecVersion(): string {
  const r = spawnSync(XMLSEC1, ['--version'], { encoding: 'utf8' });
  return (r.stdout ?? '').trim() || 'unknown';
}
