// crosscheck web page: renders the story list, a story's brief, documents
// and entities from the JSON API (docs/api.md). No framework, no build step.
// Every piece of stored text goes into the page through textContent; only the
// brief fragment, which the server's brief writer escapes, is inserted as HTML.
'use strict';

const app = document.getElementById('app');

// ---- helpers ----

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function getJson(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

async function getText(url) {
  const res = await fetch(url);
  if (!res.ok) {
    const body = await res.json().catch(() => ({ error: res.statusText }));
    throw new Error(body.error || res.statusText);
  }
  return res.text();
}

// The element id the brief writer gives a cited sentence: "s-<id>-<n>", every
// byte of the id outside [A-Za-z0-9_-] replaced by "_" (report/brief_writer.cpp).
function anchorFor(docId, n) {
  let out = 's-';
  for (const b of new TextEncoder().encode(docId)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9_-]/.test(c) ? c : '_';
  }
  return out + '-' + n;
}

function storyUrl(id) { return '/story/' + encodeURIComponent(id); }
function docUrl(id, n) { return '/doc/' + encodeURIComponent(id) + (n === undefined ? '' : '#' + anchorFor(id, n)); }
function entityUrl(name) { return '/entity/' + encodeURIComponent(name); }

function dateRange(a, b) {
  if (!a) return 'undated';
  return a === b || !b ? a : a + ' – ' + b;
}

function plural(n, word, many) { return n + ' ' + (n === 1 ? word : many || word + 's'); }

function showError(message) {
  app.replaceChildren(el('p', { class: 'notice error', role: 'alert' }, message));
}

function setTitle(text) { document.title = text ? text + ' · crosscheck' : 'crosscheck'; }

// ---- story list ----

function claimBadges(c) {
  const box = el('span', { class: 'badges' });
  if (c.disputed) box.append(el('span', { class: 'badge disputed' }, plural(c.disputed, 'dispute')));
  if (c.denied) box.append(el('span', { class: 'badge denied' }, plural(c.denied, 'denial')));
  if (c.corroborated) box.append(el('span', { class: 'badge corroborated' }, c.corroborated + ' corroborated'));
  return box;
}

function storyItem(s) {
  const meta = [dateRange(s.first_date, s.last_date), plural(s.documents, 'report')];
  if (s.outlets) meta.push(plural(s.outlets, 'outlet'));
  return el('li', { class: 'story-item' },
    el('a', { href: storyUrl(s.id), class: 'story-link' }, s.title || 'Story ' + s.id),
    el('div', { class: 'meta' }, meta.join(' · '), ' ', claimBadges(s.claims)),
    s.sources.length ? el('div', { class: 'sources' }, s.sources.join(' · ')) : null);
}

function pager(params, total, offset, limit) {
  const nav = el('nav', { class: 'pager' });
  const link = (label, to) => {
    const p = new URLSearchParams(params);
    if (to > 0) p.set('offset', to); else p.delete('offset');
    const qs = p.toString();
    return el('a', { href: '/' + (qs ? '?' + qs : '') }, label);
  };
  if (offset > 0) nav.append(link('← Newer', Math.max(0, offset - limit)));
  nav.append(el('span', { class: 'meta' }, total ? `${offset + 1}–${Math.min(total, offset + limit)} of ${total}` : ''));
  if (offset + limit < total) nav.append(link('Older →', offset + limit));
  return nav;
}

function snippet(parts) {
  const p = el('p', { class: 'snippet' });
  for (const part of parts) p.append(part.match ? el('mark', {}, part.text) : part.text);
  return p;
}

async function renderList(params) {
  const q = params.get('q') || '';
  document.querySelector('#search input').value = q;
  const limit = 20;
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const api = new URLSearchParams();
  for (const key of ['q', 'from', 'to', 'outlet', 'entity']) if (params.get(key)) api.set(key, params.get(key));
  api.set('limit', limit);
  api.set('offset', offset);
  const [list, hits] = await Promise.all([
    getJson('/api/stories?' + api),
    q && offset === 0 ? getJson('/api/search?limit=5&q=' + encodeURIComponent(q)).catch(() => null) : null,
  ]);
  setTitle(q ? 'Search: ' + q : 'Stories');
  const view = el('div', { class: 'list-view' });
  view.append(el('h1', {}, q ? `Stories matching “${q}”` : 'Stories'));
  if (!list.stories.length) view.append(el('p', { class: 'notice' }, q ? 'No story matches.' : 'The store holds no stories yet.'));
  view.append(el('ol', { class: 'stories', start: offset + 1 }, ...list.stories.map(storyItem)));
  view.append(pager(params, list.total, offset, limit));
  if (hits && hits.results.length) {
    const box = el('section', { class: 'hits' }, el('h2', {}, `Documents (${hits.total})`));
    for (const r of hits.results) {
      box.append(el('div', { class: 'hit' },
        el('a', { href: docUrl(r.document) }, r.title || r.document),
        el('span', { class: 'meta' }, ' ', [r.source, r.date].filter(Boolean).join(' · ')),
        snippet(r.snippet)));
    }
    view.append(box);
  }
  app.replaceChildren(view);
}

// ---- document pane and page ----

function renderDocument(data, target, inPane) {
  const d = data.document;
  const head = el('div', { class: 'doc-head' },
    el('h2', {}, d.title || d.id),
    el('p', { class: 'meta' }, [d.source, d.date, d.title ? d.id : null].filter(Boolean).join(' · ') || 'no source or date given'),
    data.story ? el('p', { class: 'meta' }, 'Story: ', el('a', { href: storyUrl(data.story.id) }, data.story.title || data.story.id)) : null,
    d.url ? el('p', { class: 'meta' }, el('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, 'original')) : null);
  const body = el('div', { class: 'doc-body' });
  let paragraph = -1, p = null, hit = null;
  for (const s of d.sentences) {
    if (s.paragraph !== paragraph || !p) { p = el('p'); body.append(p); paragraph = s.paragraph; }
    const span = el('span', { class: 'sentence', id: inPane ? null : anchorFor(d.id, s.n), 'data-n': s.n }, s.text);
    if (s.n === target) { span.classList.add('hl'); hit = span; }
    p.append(span, ' ');
  }
  const chips = el('div', { class: 'entities' });
  for (const e of d.entities.slice(0, inPane ? 8 : 24)) chips.append(el('a', { class: 'chip ' + e.type, href: entityUrl(e.name) }, e.name));
  return { node: el('article', { class: 'doc' }, head, chips, body), hit };
}

async function openPane(docId, n) {
  const pane = document.getElementById('pane');
  if (!pane) return;
  pane.hidden = false;
  document.body.classList.add('pane-open');
  pane.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
  try {
    const data = await getJson('/api/documents/' + encodeURIComponent(docId) + '?analysis=false');
    const { node, hit } = renderDocument(data, n, true);
    const bar = el('div', { class: 'pane-bar' },
      el('a', { href: docUrl(docId, n), class: 'open-doc' }, 'Open document'),
      el('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×'));
    bar.querySelector('.close').addEventListener('click', closePane);
    pane.replaceChildren(bar, node);
    // Scroll the pane only (it is sticky or fixed, so it is the hit's offsetParent).
    if (hit) pane.scrollTop = Math.max(0, hit.offsetTop - pane.clientHeight / 3);
  } catch (e) {
    pane.replaceChildren(el('p', { class: 'notice error' }, e.message));
  }
}

function closePane() {
  const pane = document.getElementById('pane');
  if (pane) pane.hidden = true;
  document.body.classList.remove('pane-open');
}

async function renderDocPage(id) {
  const data = await getJson('/api/documents/' + encodeURIComponent(id) + '?analysis=false');
  const target = location.hash.startsWith('#s-') ? parseInt(location.hash.slice(location.hash.lastIndexOf('-') + 1), 10) : -1;
  const { node, hit } = renderDocument(data, target, false);
  setTitle(data.document.title || id);
  app.replaceChildren(el('div', { class: 'doc-page' }, node));
  if (hit) hit.scrollIntoView({ block: 'center' });
}

// ---- story page ----

// The cite links of the brief say "<document id>, sentence <n>" in their title.
function citeTarget(link) {
  const title = link.getAttribute('title') || '';
  const at = title.lastIndexOf(', sentence ');
  if (at < 0) return null;
  return { doc: title.slice(0, at), n: parseInt(title.slice(at + 11), 10) - 1 };
}

async function renderStory(id) {
  const [html, brief] = await Promise.all([
    getText('/api/stories/' + encodeURIComponent(id) + '/brief.html'),
    getJson('/api/stories/' + encodeURIComponent(id)),
  ]);
  setTitle(brief.title || 'Story ' + id);
  const main = el('div', { class: 'brief' });
  main.innerHTML = html;  // escaped by the server's brief writer
  const entities = (brief.entities || []).slice().sort((a, b) => (b.documents || []).length - (a.documents || []).length);
  if (entities.length) {
    const chips = el('div', { class: 'entities' }, el('span', { class: 'meta' }, 'Who and where: '));
    for (const e of entities.slice(0, 14)) chips.append(el('a', { class: 'chip ' + e.type, href: entityUrl(e.name) }, e.name));
    const heading = main.querySelector('h2');
    (heading && heading.nextElementSibling ? heading.nextElementSibling : main.firstChild).after(chips);
  }
  const pane = el('aside', { id: 'pane', class: 'pane', hidden: true, 'aria-label': 'Cited document' });
  app.replaceChildren(el('div', { class: 'story-layout' }, main, pane));
  main.addEventListener('click', (event) => {
    const link = event.target.closest('a.cite');
    if (!link) return;
    const target = citeTarget(link);
    if (!target) return;
    event.preventDefault();
    history.replaceState(history.state, '', link.getAttribute('href'));
    main.querySelectorAll('.cited').forEach((n) => n.classList.remove('cited'));
    link.classList.add('cited');
    openPane(target.doc, target.n);
  });
  if (location.hash.startsWith('#s-')) {
    const node = document.getElementById(location.hash.slice(1));
    if (node) node.scrollIntoView({ block: 'center' });
  }
}

// ---- entity page ----

async function renderEntity(name) {
  const [found, stories] = await Promise.all([
    getJson('/api/entities?limit=20&q=' + encodeURIComponent(name)),
    getJson('/api/stories?limit=50&entity=' + encodeURIComponent(name)),
  ]);
  const exact = found.entities.filter((e) => e.name.toLowerCase() === name.toLowerCase());
  setTitle(name);
  const view = el('div', { class: 'entity-view' }, el('h1', {}, name));
  if (exact.length) {
    const e = exact[0];
    view.append(el('p', { class: 'meta' }, `${e.type} · named in ${plural(e.documents, 'document')}, ${plural(e.stories, 'story', 'stories')}`));
  }
  view.append(el('h2', {}, 'Stories'));
  if (!stories.stories.length) view.append(el('p', { class: 'notice' }, 'No story names it.'));
  view.append(el('ol', { class: 'stories' }, ...stories.stories.map(storyItem)));
  const others = found.entities.filter((e) => e.name.toLowerCase() !== name.toLowerCase()).slice(0, 12);
  if (others.length) {
    const box = el('div', { class: 'entities' }, el('span', { class: 'meta' }, 'Similar names: '));
    for (const e of others) box.append(el('a', { class: 'chip ' + e.type, href: entityUrl(e.name) }, e.name));
    view.append(box);
  }
  app.replaceChildren(view);
}

// ---- routing ----

async function route() {
  const path = location.pathname;
  closePane();
  try {
    if (path.startsWith('/story/')) await renderStory(decodeURIComponent(path.slice(7)));
    else if (path.startsWith('/doc/')) await renderDocPage(decodeURIComponent(path.slice(5)));
    else if (path.startsWith('/entity/')) await renderEntity(decodeURIComponent(path.slice(8)));
    else await renderList(new URLSearchParams(location.search));
  } catch (e) {
    showError(e.message);
  }
  document.body.dataset.ready = '1';
}

function navigate(url) {
  history.pushState(null, '', url);
  window.scrollTo(0, 0);
  route();
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || link.target === '_blank' || url.pathname.startsWith('/api/')) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;  // in-page anchor
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = event.target.q.value.trim();
  navigate(q ? '/?q=' + encodeURIComponent(q) : '/');
});

window.addEventListener('popstate', route);
route();
