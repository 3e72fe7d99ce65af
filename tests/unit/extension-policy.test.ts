import { describe, expect, it } from 'vitest';
import { cspProblems, remoteCodeInHtml, remoteCodeInScript, undocumentedPermissions } from '@/scripts/extension-policy';

const csp = (extension_pages: string) => ({ content_security_policy: { extension_pages } });

describe('extension policy of a build', () => {
  it('accepts a CSP of our own scripts only', () => {
    expect(cspProblems(csp("script-src 'self'; object-src 'none'; base-uri 'none'"))).toEqual([]);
  });

  it('names every loosening of the extension pages CSP', () => {
    expect(cspProblems(csp("script-src 'self' 'wasm-unsafe-eval' https://cdn.example; object-src 'self'"))).toEqual([
      "extension_pages CSP allows 'wasm-unsafe-eval' in script-src",
      'extension_pages CSP allows https://cdn.example in script-src',
    ]);
    expect(cspProblems({})).toHaveLength(1);
    expect(cspProblems(csp("object-src 'none'"))).toEqual(['extension_pages CSP has no script-src']);
  });

  it('finds code that does not come from the package', () => {
    expect(remoteCodeInScript('const x = eval(input);')).toEqual(['eval(']);
    expect(remoteCodeInScript('const f = new Function("a", body);')).toContain('new Function(');
    expect(remoteCodeInScript('var g=Function("return this")();')).toEqual(['Function("…")']);
    expect(remoteCodeInScript('await import("https://cdn.example/x.js")')).toEqual(['import() of a remote URL']);
    expect(remoteCodeInScript('setTimeout("alert(1)", 5)')).toEqual(['setTimeout/setInterval with a string']);
  });

  it('leaves ordinary minified code alone', () => {
    const code =
      'import{a}from"./chunk.js";const l=()=>import("./lazy.js");x.evaluate(1);retrieval(2);' +
      'const u=`https://api.openai.com/v1`;setTimeout(()=>l(),5);class Function2{};';
    expect(remoteCodeInScript(code)).toEqual([]);
  });

  it('finds remote and inline scripts in a page', () => {
    expect(remoteCodeInHtml('<script type="module" src="/chunks/popup.js"></script>')).toEqual([]);
    expect(remoteCodeInHtml('<script src="https://cdn.example/react.js"></script>')).toEqual([
      'a script from https://cdn.example/react.js',
    ]);
    expect(remoteCodeInHtml('<script>alert(1)</script>')).toHaveLength(1);
  });

  it('asks for every permission to be justified in the README table', () => {
    const readme =
      '# X\n## Permissions, and why\n\n| Permission | Why |\n| --- | --- |\n| `storage` | settings |\n' +
      '| host access to all sites (`<all_urls>`) | images |\n\n## Privacy\n| `tabs` | mentioned elsewhere |\n';
    const manifest = { permissions: ['storage', 'tabs'], host_permissions: ['<all_urls>'] };
    expect(undocumentedPermissions(manifest, readme)).toEqual(['tabs']);
  });
});
