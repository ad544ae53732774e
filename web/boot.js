// Starts Rapport: imports the wasm-bindgen glue and runs the app's wasm. A file rather than
// Trunk's inline script, so the page can forbid inline scripts (its CSP). The two file names come
// from the page's `rapport-build` data block, which Trunk itself fills in (Trunk.toml,
// `pattern_script`): nothing here is rewritten by the build.
try {
  const build = JSON.parse(document.getElementById('rapport-build').textContent);
  const { default: init } = await import(new URL(build.js, document.baseURI).href);
  await init({ module_or_path: new URL(build.wasm, document.baseURI) });
} catch (error) {
  // No app after all (offline on a first visit, a host that lost a file, an old browser): say so
  // rather than leave a blank page.
  const p = document.createElement('p');
  p.className = 'page-message';
  p.textContent = `Rapport could not start (${error.message}). Reload the page, or open it in a current browser.`;
  document.body.append(p);
  throw error;
}
