// Runs in <head>, before the first paint (a small classic script, written into each build by
// postbuild/harden.mjs; the page's policy allows no inline script). It applies what the address
// asks for that changes how the page looks, so the reader never sees the wrong language, theme or
// page flash first:
// - each language, and each chart's embed, has its own prerendered page: ?lang= (else the
//   browser's languages, on the English page) and ?embed=<chart-id> open that page, with the
//   same address;
// - ?theme=light|dark: the stylesheet follows <html data-theme>;
// - ?embed=story: the stylesheet shows the story without its tools; an unknown chart id hides
//   the story until the app says that chart does not exist.
(function () {
  // The languages, their pages and the chart ids, from the app (src/ui/manifest.rs).
  var MANIFEST = __MANIFEST__;
  var LANGS = MANIFEST.langs;
  var CHARTS = MANIFEST.charts;
  var root = document.documentElement;
  var params;
  try {
    params = new URLSearchParams(location.search);
  } catch (e) {
    return;
  }

  // Read as the app reads the address (src/state/url_state.rs): a value over 200 bytes is ignored, and
  // a repeated key counts with its last value.
  function param(name) {
    var encoder = new TextEncoder();
    var values = params.getAll(name).filter(function (v) { return encoder.encode(v).length <= 200; });
    return values.length ? values[values.length - 1] : null;
  }

  function byShort(short) {
    return LANGS.filter(function (l) { return l.short === short; })[0] || null;
  }

  // A browser's language tag, as the app reads one (`Lang::from_tag`): its first subtag, and
  // Traditional Chinese readers are not given Simplified text.
  function fromTag(tag) {
    var parts = String(tag).toLowerCase().split(/[-_]/);
    var traditional = parts.slice(1).some(function (p) { return MANIFEST.traditionalChineseSubtags.indexOf(p) >= 0; });
    if (parts[0] === 'zh' && traditional) return null;
    var lang = byShort(parts[0]);
    return lang && lang.short;
  }

  // `?lang=`, as the app reads it (`Lang::from_param`): one of the language's own values, in
  // any case; anything else is not a language and leaves the page as it is.
  function fromParam(value) {
    var lower = String(value).toLowerCase();
    var lang = LANGS.filter(function (l) { return l.params.indexOf(lower) >= 0; })[0];
    return lang ? lang.short : null;
  }

  function pageFor(lang, chart) {
    var entry = byShort(lang);
    return chart ? entry.embed.replace('{chart}', chart) : entry.href;
  }

  var english = LANGS[0].short;
  // An embed page names its chart on <html>: it is that chart's embed without ?embed= too.
  var here = { lang: fromTag(root.lang) || english, chart: root.getAttribute(MANIFEST.chartPageAttribute) };
  var asked = param('lang');
  var lang = asked !== null ? fromParam(asked) : null;
  if (lang === null && asked === null && here.lang === english) {
    var tags = navigator.languages || [navigator.language];
    for (var i = 0; i < tags.length && lang === null; i++) lang = fromTag(tags[i]);
  }
  lang = lang || here.lang;
  var embed = param('embed');
  if (embed === null) embed = here.chart;
  var chart = embed !== null && CHARTS.indexOf(embed) >= 0 ? embed : here.chart;
  if (lang !== here.lang || chart !== here.chart) {
    location.replace(pageFor(lang, chart) + location.search + location.hash);
    return;
  }

  // A link to a chapter (`?chapter=`) opens at that chapter, before the app arrives: once the
  // page is parsed and styled (unstyled, every picture's four versions show, and the chapter
  // would be thousands of pixels further down than it ends up).
  var chapterId = param('chapter');
  if (chapterId && !location.hash && /^[a-z-]{1,40}$/.test(chapterId)) {
    document.addEventListener('DOMContentLoaded', function () {
      whenStyled(function () {
        var section = document.querySelector('section.chapter#' + chapterId);
        if (section) section.scrollIntoView();
      });
    });
  }

  // Runs `then` once every stylesheet of the page has loaded (or failed to).
  function whenStyled(then) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    var left = 0;
    var done = function () {
      if (--left === 0) then();
    };
    for (var i = 0; i < links.length; i++) {
      if (links[i].sheet) continue;
      left++;
      links[i].addEventListener('load', done);
      links[i].addEventListener('error', done);
    }
    if (left === 0) then();
  }

  var theme = param('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);

  if (embed !== null) {
    root.classList.add('embedded');
    root.setAttribute('data-embed', embed.slice(0, 64));
  }

  // When the app cannot start, the reader keeps the prerendered page: its controls are hidden
  // (they need the app), an embedded chart opens its table, and a page in a frame reports its
  // height to the host itself. That happens when the boot script is refused (a frame sandboxed
  // without allow-same-origin has the origin `null`, so the app's files, loaded with integrity,
  // need a CORS header the host may not send) or when boot.js reports that the app failed.
  var staticPage = false;
  function keepStaticPage() {
    if (staticPage) return;
    staticPage = true;
    root.classList.add('static-only');
    var whenParsed = function () {
      if (chart) {
        var tables = document.querySelectorAll('[data-chart] details.chart-table');
        for (var t = 0; t < tables.length; t++) tables[t].open = true;
      }
      if (window.parent !== window) reportHeight();
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenParsed);
    else whenParsed();
  }
  addEventListener('error', function (event) {
    var target = event.target;
    if (target && target.tagName === 'SCRIPT' && /\/boot-[0-9a-f]+\.js$/.test(target.src)) keepStaticPage();
  }, true);
  addEventListener('static-page', keepStaticPage);

  // In a frame, the host hears the page's height from the first paint on, so the frame has its
  // size before the app arrives; once the app runs, it reports (src/web/frame_messages.rs), and on a
  // page that stays static this goes on.
  if (window.parent !== window) {
    document.addEventListener('DOMContentLoaded', function () {
      whenStyled(function () {
        // boot.js sets `wasmBindings` when the app has started.
        if (!window.wasmBindings || staticPage) reportHeight();
      });
    });
    addEventListener('TrunkApplicationStarted', function () {
      if (staticPage || !heights) return;
      heights.disconnect();
      heights = null;
    });
  }

  // The same messages as src/web/frame_messages.rs sends once the app runs: Datawrapper's height
  // message, AMP's embed-size, and pym.js's when the host gave a child id. Reports until
  // `heights` is disconnected.
  var heights = null;
  function reportHeight() {
    if (heights) return;
    var key = chart || 'story';
    var childId = param('childId');
    var last = 0;
    var validChild = childId !== null && /^[A-Za-z0-9_-]{1,64}$/.test(childId);
    var post = function () {
      var height = Math.ceil(root.getBoundingClientRect().height);
      if (height === 0 || height === last) return;
      last = height;
      if (validChild) window.parent.postMessage('pymxPYMx' + childId + 'xPYMxheightxPYMx' + height, '*');
      var message = {};
      message[key] = height;
      window.parent.postMessage({ 'datawrapper-height': message }, '*');
      window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: height }, '*');
    };
    if (typeof ResizeObserver === 'function') {
      heights = new ResizeObserver(post);
      heights.observe(root);
    }
    post();
  }
  // A control used before its chapter is live is answered at once: every view a chart's choices
  // and toggles reach was drawn by the build (src/state/shared_views.rs), and the tap shows that
  // view's pictures and the control's new state while the app is still on its way. The app takes
  // the controls' state over when the chapter goes live (src/live/chapters.rs, `replay`). Only
  // on a page in its default view: a view asked for by the address is the app's to draw.
  var VIEWS = MANIFEST.views;
  var VIEW_CONTROLS = MANIFEST.selectors.viewControls;
  var defaultView = true;
  params.forEach(function (value, key) {
    if (MANIFEST.pageParams.indexOf(key) < 0) defaultView = false;
  });
  var shownView = {};
  var defaultPictures = {};
  var viewFiles = {};
  function viewStep(control) {
    var frame = control.closest('[data-chart]');
    var views = frame && VIEWS[frame.getAttribute('data-chart')];
    if (!views || !(control.closest(MANIFEST.selectors.prerenderedChapter) || control.closest(MANIFEST.selectors.prerenderedEmbed))) return null;
    var controls = frame.querySelectorAll(VIEW_CONTROLS);
    var index = Array.prototype.indexOf.call(controls, control);
    var chartId = frame.getAttribute('data-chart');
    var from = shownView[chartId] || 0;
    var to = index < 0 || !views[from] ? from : views[from][index];
    return { frame: frame, chart: chartId, views: views, to: to, from: from };
  }
  function viewFile(step) {
    if (step.to === 0) return null;
    var file = MANIFEST.viewPicture.replace('{chart}', step.chart).replace('{view}', step.to).replace('{lang}', here.lang);
    if (!viewFiles[file]) {
      viewFiles[file] = fetch(file).then(function (r) {
        if (!r.ok) throw new Error(file + ': ' + r.status);
        return r.json();
      });
      viewFiles[file].catch(function () { delete viewFiles[file]; });
    }
    return viewFiles[file];
  }
  function showView(step) {
    var canvas = step.frame.querySelector('.chart-canvas');
    if (!canvas) return;
    if (!defaultPictures[step.chart]) {
      defaultPictures[step.chart] = { nodes: Array.prototype.slice.call(canvas.querySelectorAll('.static-picture')), label: canvas.getAttribute('aria-label') };
    }
    var place = function (nodes, label) {
      if (shownView[step.chart] !== step.to) return;
      var old = canvas.querySelectorAll('.static-picture');
      for (var i = 0; i < old.length; i++) old[i].remove();
      for (var n = 0; n < nodes.length; n++) canvas.appendChild(nodes[n]);
      canvas.setAttribute('aria-label', label);
    };
    var file = viewFile(step);
    if (file === null) {
      place(defaultPictures[step.chart].nodes, defaultPictures[step.chart].label);
      return;
    }
    file.then(function (view) {
      var holder = document.createElement('div');
      holder.innerHTML = view.pictures;
      place(Array.prototype.slice.call(holder.children), view.label);
    }, function () {});
  }
  if (defaultView && VIEWS) {
    // The press comes a moment before the click: its view's file is asked for then.
    document.addEventListener('pointerdown', function (event) {
      if (!event.target.closest) return;
      // A radio is pressed through its label.
      var label = event.target.closest('label');
      var control = event.target.closest(VIEW_CONTROLS) || (label && label.querySelector(VIEW_CONTROLS));
      var step = control && viewStep(control);
      if (step && step.to !== step.from) viewFile(step);
    }, true);
    // A radio is used when it changes, a toggle when it is clicked.
    var onUse = function (event) {
      var control = event.target.closest && event.target.closest(VIEW_CONTROLS);
      if (!control) return;
      var isRadio = control.tagName === 'INPUT';
      if ((event.type === 'change') !== isRadio) return;
      var step = viewStep(control);
      if (!step || step.to === step.from) return;
      if (!isRadio) control.setAttribute('aria-pressed', control.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
      step.frame.setAttribute('data-view-shown', '');
      shownView[step.chart] = step.to;
      showView(step);
    };
    document.addEventListener('change', onUse, true);
    document.addEventListener('click', onUse, true);
  }

  // A figure quoted in the text (src/ui/widgets/quoted.rs) is a link to its row in its chapter's
  // list of figures, which works without scripts. Here the same row opens beside the figure as a
  // popover; Escape, a click elsewhere or a second press on the figure closes it (the browser's
  // own popover behaviour), and focus goes back to the figure. Without the Popover API the link
  // scrolls to the row as before. A chapter that goes live replaces its prerendered text
  // (src/live.rs, the `chapter-live` event): an open popover moves to the live figure.
  var popover = null;
  var openFor = null;
  var lastClosed = { href: null };
  var moving = false;
  // The figure under a press: a press on the open popover's own figure closes it (a light
  // dismiss), and its click must not open it again.
  var pressed = null;
  document.addEventListener('pointerdown', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a.quote') : null;
    pressed = link ? link.getAttribute('href') : null;
  }, true);
  function quoteLink(href, scope) {
    return (scope || document).querySelector('a.quote[href="' + href + '"]');
  }
  function quotePopover() {
    if (popover) return popover;
    var element = document.createElement('div');
    if (!('showPopover' in element)) return null;
    popover = element;
    popover.id = 'quote-popover';
    popover.className = 'quote-popover';
    popover.setAttribute('popover', 'auto');
    popover.setAttribute('role', 'dialog');
    popover.tabIndex = -1;
    // `beforetoggle` comes as the popover closes (a move to the live figure closes and reopens
    // it); focus goes back to the figure once it has closed.
    popover.addEventListener('beforetoggle', function (event) {
      if (event.newState !== 'closed' || moving || !openFor) return;
      var link = openFor.link.isConnected ? openFor.link : quoteLink(openFor.href);
      lastClosed = { href: openFor.href, byPress: pressed === openFor.href, link: link };
      openFor = null;
      if (link) link.setAttribute('aria-expanded', 'false');
    });
    popover.addEventListener('toggle', function (event) {
      if (event.newState !== 'closed' || openFor || !lastClosed.link) return;
      var focus = document.activeElement;
      if (!focus || focus === document.body || popover.contains(focus)) lastClosed.link.focus();
    });
    document.body.appendChild(popover);
    return popover;
  }
  function fillPopover(pop, row, table) {
    pop.textContent = '';
    pop.setAttribute('aria-label', table.getAttribute('data-dialog-label') || '');
    var heading = document.createElement('p');
    heading.className = 'quote-popover-figure';
    heading.textContent = row.cells[0].textContent;
    pop.appendChild(heading);
    var list = document.createElement('dl');
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    for (var c = 1; c < row.cells.length; c++) {
      var term = document.createElement('dt');
      term.textContent = headers[c] ? headers[c].textContent : '';
      var detail = document.createElement('dd');
      for (var n = 0; n < row.cells[c].childNodes.length; n++) detail.appendChild(row.cells[c].childNodes[n].cloneNode(true));
      list.appendChild(term);
      list.appendChild(detail);
    }
    pop.appendChild(list);
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'quote-popover-close';
    close.textContent = table.getAttribute('data-close-label') || '×';
    close.addEventListener('click', function () { pop.hidePopover(); });
    pop.appendChild(close);
  }
  function showBeside(pop, link) {
    link.setAttribute('aria-expanded', 'true');
    try {
      pop.showPopover({ source: link });
    } catch (e) {
      pop.showPopover();
    }
  }
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a.quote') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var href = link.getAttribute('href') || '';
    var row = document.getElementById(href.slice(1));
    var table = row && row.closest('table');
    var pop = table && quotePopover();
    if (!pop) return;
    event.preventDefault();
    // The press that closed this figure's popover (a light dismiss) does not open it again.
    var closedByThisPress = lastClosed.byPress && lastClosed.href === href && pressed === href;
    pressed = null;
    if (closedByThisPress) {
      lastClosed = { href: null };
      return;
    }
    fillPopover(pop, row, table);
    openFor = { href: href, link: link };
    showBeside(pop, link);
    pop.focus();
  });
  document.addEventListener('chapter-live', function (event) {
    if (!popover || !openFor || openFor.link.isConnected) return;
    var link = quoteLink(openFor.href, event.target);
    if (!link) return;
    var hadFocus = popover.contains(document.activeElement);
    moving = true;
    popover.hidePopover();
    moving = false;
    openFor.link = link;
    showBeside(popover, link);
    if (hadFocus) popover.focus();
  });
})();
