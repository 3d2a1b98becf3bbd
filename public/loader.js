// Starts the app once the prerendered page has painted (an animation frame,
// then a task), so that its JS and wasm never compete with the HTML and CSS
// on a slow phone. Both are checked against the integrity the prerender wrote
// on this script's element: the JS through a module preload, the wasm
// through its fetch. Trunk.toml's pattern_script names the files.
const { js, jsIntegrity, wasm, wasmIntegrity } = document.querySelector('script[data-wasm]').dataset;
requestAnimationFrame(() => setTimeout(() => {
  const preload = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: js, integrity: jsIntegrity });
  preload.addEventListener('load', async () => {
    const { default: init } = await import(js);
    await init({ module_or_path: fetch(wasm, { integrity: wasmIntegrity }) });
  });
  document.head.append(preload);
}));
