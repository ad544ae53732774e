// Shows the opened story's first screen while the app's wasm compiles, so a first visit sees the
// conversation at once. scripts/postbuild.mjs copies this file into the build as
// `opening-<hash>.js` (a small classic script, so it runs before the app's module graph has
// loaded) and fills in LANGS; the screens themselves are `openings/<story>.<lang>.html` (and
// `.embed.html` for an embedded page), which `storycheck openings` renders with the app's own
// components (src/components/opening.rs).
//
// It shows one only where it is what the app draws first: a visit (plain or embedded, not a
// kiosk) to a story not yet started, in the language the app will pick (src/platform/location.rs
// initial_lang: ?lang=, then the remembered choice, then the browser's). When the app renders
// its own copy of the screen, the opening goes, in the same task (nothing is painted in
// between), and a reply or language picked on it in the meantime is replayed on the app, as is
// keyboard focus on a reply.
(() => {
  const LANGS = ['en'];
  const PROGRESS_KEY = 'rapport:v1:progress'; // src/state.rs PROGRESS_KEY
  const hashQuery = new URLSearchParams(location.hash.split('?')[1] || '');
  const get = (k) => new URLSearchParams(location.search).get(k) ?? hashQuery.get(k);
  const on = (k) => get(k) !== null && get(k) !== '0' && get(k) !== 'false';
  // The story the page opens on, as the app reads it (src/components/app.rs): the route's, as
  // src/platform/location.rs Route::parse reads it, else ?story=. The loader (boot-*.js, which
  // runs after this script) prefetches it from here. The opening is shown for it only where the
  // app draws it first: on its route, or embedded.
  const embed = on('embed');
  const parts = location.hash.replace(/^#/, '').replace(/^\/+/, '').split('?')[0].split('/').filter(Boolean);
  const routed = parts[0] === 'story' ? parts[1] : null;
  const opened = routed || get('story');
  self.__rapportOpened = opened && /^[a-z0-9-]+$/.test(opened) ? opened : null;
  const id = (routed || embed) ? self.__rapportOpened : null;
  if (!id || on('kiosk')) return;
  const langOf = (code) => LANGS.find((l) => l === String(code ?? '').split(/[-_]/)[0].toLowerCase());
  let saved;
  try {
    saved = JSON.parse(localStorage.getItem(PROGRESS_KEY) || '{}') || {};
  } catch {
    // Storage blocked (a sandboxed frame) or progress unreadable: the app then says so in the
    // site header, so only an embedded page, which has none, starts on the plain opening.
    if (!embed) return;
    saved = {};
  }
  if (saved.sessions?.[id]?.history?.length) return; // under way: the app resumes it
  const lang = langOf(get('lang')) || langOf(saved.lang)
    || [...(navigator.languages || []), navigator.language].map(langOf).find(Boolean) || 'en';
  const appRoot = () => [...document.querySelectorAll('body > .app')].find((el) => !('opening' in el.dataset));
  // No app after all (the loader failed, or a browser that cannot run it): nothing may stay that
  // looks like it answers. The loader reports its failure; a script that fails to load or parse
  // (the loader is the only other one) reports here.
  let failed = false;
  let undo = () => {};
  const fail = () => {
    failed = true;
    undo();
  };
  addEventListener('rapport:failed', fail, { once: true });
  addEventListener('error', (e) => {
    const broken = e.target instanceof HTMLScriptElement || /SyntaxError/.test(e.message ?? '');
    if (broken && !appRoot()) fail();
  }, true);

  fetch(`openings/${id}.${lang}${embed ? '.embed' : ''}.html`)
    .then((response) => (response.ok ? response.text() : null))
    .then(async (html) => {
      // A host that answers any address with its index page is not serving an opening.
      if (!html?.startsWith('<div class="app')) return;
      if (document.readyState === 'loading') {
        await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
      }
      if (document.querySelector('body > .app') || failed) return; // too late, or no app to come
      document.body.insertAdjacentHTML('afterbegin', html);
      show(document.body.firstElementChild);
    })
    .catch(() => {}); // no opening (offline without a cache, file://): the app starts as before

  function show(opening) {
    opening.dataset.opening = '';
    document.documentElement.lang = lang;
    const pending = {};
    const pick = (button) => {
      // A greyed-out reply is not a reply, here as in the app (src/components/player.rs).
      if (!button || button.disabled || pending.choice) return;
      Object.assign(pending, { choice: button.dataset.choice, hash: location.hash });
      button.dataset.pending = '';
      button.closest('[role="group"]').setAttribute('aria-busy', 'true');
    };
    opening.addEventListener('click', (e) => {
      // The skip link moves focus, as in the app (src/components/header.rs): as a hash it would
      // be read as a route to the library.
      if (e.target.closest('a.skip')) {
        e.preventDefault();
        opening.querySelector('#main')?.focus();
      }
      pick(e.target.closest('button.choice'));
    });
    opening.addEventListener('change', (e) => {
      if (e.target.matches('select')) pending.lang = e.target.value;
    });
    // Digits 1–9 pick a reply, as in the app (src/hooks/use_keys.rs).
    const keys = (e) => {
      const typing = e.target.closest?.('input, select, textarea, [contenteditable]');
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat || typing || !/^[1-9]$/.test(e.key)) return;
      e.preventDefault();
      pick(opening.querySelectorAll('[role="group"] button.choice')[Number(e.key) - 1]);
    };
    document.addEventListener('keydown', keys);
    // The reply keyboard focus is on, to put it back on the app's copy. Not cleared when focus
    // just leaves with the opening (Yew removes it from the page).
    let focused = null;
    opening.addEventListener('focusin', (e) => { focused = e.target.dataset.choice ?? null; });
    opening.addEventListener('focusout', (e) => { if (e.relatedTarget) focused = null; });

    // Replays on the app only while the learner is still where they were: the app may draw a
    // "loading" page first, and they may have gone elsewhere by the time its replies show.
    const still = (hash) => location.hash === hash;
    // Yew empties the body it mounts on, so the opening is usually gone already.
    const retire = () => {
      watch.disconnect();
      document.removeEventListener('keydown', keys);
      opening.remove();
    };
    undo = retire;
    const handOver = (app) => {
      retire();
      const select = app.querySelector('header select');
      if (pending.lang && select && select.value !== pending.lang) {
        select.value = pending.lang;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
      const hash = location.hash;
      const reply = (choice) => `[role="group"] button.choice[data-choice="${CSS.escape(choice)}"]`;
      if (pending.choice && pending.hash === hash) {
        whenShown(reply(pending.choice), (b) => still(hash) && b.click());
      } else if (focused && document.activeElement === document.body) {
        whenShown(reply(focused), (b) => still(hash) && document.activeElement === document.body && b.focus());
      }
    };
    // The app mounts on the body.
    const watch = new MutationObserver(() => {
      const app = appRoot();
      if (app) handOver(app);
    });
    watch.observe(document.body, { childList: true });
  }

  // Runs `then` on the first element matching `selector`, now or once it appears (for 15 s).
  function whenShown(selector, then) {
    const found = document.querySelector(selector);
    if (found) return then(found);
    const observer = new MutationObserver(() => {
      const el = document.querySelector(selector);
      if (el) {
        observer.disconnect();
        then(el);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => observer.disconnect(), 15000);
  }
})();
