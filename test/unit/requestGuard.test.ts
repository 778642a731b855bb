// The preview's first look at a request (src/preview/requestGuard.ts): only its own Host (DNS
// rebinding), only GET and HEAD, only well-formed paths. The wiring into the server is tested
// against a running preview in test/workflow/preview.test.ts.
import { describe, expect, it } from 'vitest';
import { checkRequest, hostAllowed, MAX_TARGET_LENGTH, requestPath } from '../../src/preview/requestGuard.js';

describe('hostAllowed', () => {
  it('accepts 127.0.0.1 and localhost with the port, in any case', () => {
    expect(hostAllowed('127.0.0.1:4173', 4173)).toBe(true);
    expect(hostAllowed('localhost:4173', 4173)).toBe(true);
    expect(hostAllowed('LocalHost:4173', 4173)).toBe(true);
  });

  it('refuses every other name, another port, no port, and no Host at all', () => {
    for (const host of ['evil.example:4173', 'evil.example', '127.0.0.1.nip.io:4173', 'localhost.evil.example:4173', '127.0.0.1:4174', '127.0.0.1',
      'localhost', '[::1]:4173', '0.0.0.0:4173', '127.1:4173', '2130706433:4173', '127.0.0.1:4173@evil.example', ' 127.0.0.1:4173', '', undefined]) {
      expect(hostAllowed(host, 4173), String(host)).toBe(false);
    }
  });

  it('accepts the bare name only on port 80, where browsers leave the port out', () => {
    expect(hostAllowed('127.0.0.1', 80)).toBe(true);
    expect(hostAllowed('localhost', 80)).toBe(true);
    expect(hostAllowed('evil.example', 80)).toBe(false);
  });
});

describe('requestPath', () => {
  it('decodes the path and drops the query and the fragment', () => {
    expect(requestPath('/')).toBe('/');
    expect(requestPath('/2018-02.pdf?v=123')).toBe('/2018-02.pdf');
    expect(requestPath('/issue/%E7%AE%80%E6%8A%A5#x')).toBe('/issue/简报');
    expect(requestPath('/50%25.png')).toBe('/50%.png');
  });

  it('refuses bad percent-encoding, control characters (NUL too), absurd lengths and targets that are not paths', () => {
    for (const target of ['/%', '/%E0%A4%A', '/%ZZ', '/%ED%A0%80', '/%C0%AF', '/a%00b', '/%0d%0aSet-Cookie:x', '/%7f', `/${'a'.repeat(MAX_TARGET_LENGTH)}`,
      'http://evil.example/', '*', 'evil', '', undefined]) {
      expect(requestPath(target), String(target).slice(0, 40)).toBeUndefined();
    }
    expect(requestPath(`/${'a'.repeat(MAX_TARGET_LENGTH - 1)}`)).toBeDefined();
  });
});

describe('checkRequest', () => {
  const ok = { method: 'GET', url: '/', headers: { host: '127.0.0.1:4173' } };

  it('says 421 for another Host before looking at anything else', () => {
    expect(checkRequest({ ...ok, headers: { host: 'rebound.example:4173' } }, 4173)).toMatchObject({ ok: false, status: 421 });
    expect(checkRequest({ method: 'POST', url: '/%', headers: { host: 'rebound.example:4173' } }, 4173)).toMatchObject({ ok: false, status: 421 });
  });

  it('says 405 for methods other than GET and HEAD, 400 for a malformed path', () => {
    expect(checkRequest({ ...ok, method: 'POST' }, 4173)).toMatchObject({ ok: false, status: 405 });
    expect(checkRequest({ ...ok, method: 'HEAD' }, 4173)).toMatchObject({ ok: true, pathname: '/' });
    expect(checkRequest({ ...ok, url: '/%E0%A4%A' }, 4173)).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest(ok, 4173)).toEqual({ ok: true, pathname: '/' });
  });
});
