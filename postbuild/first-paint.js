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
  var LANGS = ['en', 'de', 'nl', 'zh'];
  var CHARTS = __CHART_IDS__;
  var root = document.documentElement;
  var params;
  try {
    params = new URLSearchParams(location.search);
  } catch (e) {
    return;
  }

  // Read as the app reads the address (src/url_state.rs): a value over 200 bytes is ignored, and
  // a repeated key counts with its last value.
  function param(name) {
    var encoder = new TextEncoder();
    var values = params.getAll(name).filter(function (v) { return encoder.encode(v).length <= 200; });
    return values.length ? values[values.length - 1] : null;
  }

  function supported(tag) {
    var parts = String(tag).toLowerCase().split(/[-_]/);
    // Traditional Chinese readers are not given Simplified text.
    if (parts[0] === 'zh' && parts.some(function (p) { return ['hant', 'tw', 'hk', 'mo'].indexOf(p) >= 0; })) return null;
    return LANGS.indexOf(parts[0]) >= 0 ? parts[0] : null;
  }

  // The same names as src/i18n.rs (`page_href`, `embed_file`).
  function pageFor(lang, chart) {
    if (chart) return 'embed-' + chart + (lang === 'en' ? '' : '-' + lang) + '.html';
    return lang === 'en' ? './' : lang + '.html';
  }

  var here = { lang: supported(root.lang) || 'en', chart: root.getAttribute('data-chart-page') };
  var asked = param('lang');
  var lang = asked !== null ? supported(asked) : null;
  if (lang === null && asked === null && here.lang === 'en') {
    var tags = navigator.languages || [navigator.language];
    for (var i = 0; i < tags.length && lang === null; i++) lang = supported(tags[i]);
  }
  lang = lang || here.lang;
  var embed = param('embed');
  var chart = embed !== null && CHARTS.indexOf(embed) >= 0 ? embed : here.chart;
  if (lang !== here.lang || chart !== here.chart) {
    location.replace(pageFor(lang, chart) + location.search + location.hash);
    return;
  }

  var theme = param('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);

  if (embed !== null) {
    root.classList.add('embedded');
    root.setAttribute('data-embed', embed.slice(0, 64));
  }
})();
