// The reference page's chart (see index.html): four countries' vehicle exports as lines, and
// three toggle buttons that add or remove a peer. `window.EXPORTS` comes from data.js, which
// bench/lighthouse.mjs writes from data/figures.csv: { years, series: [{ id, name, colour, data }] }.
(function () {
  var data = window.EXPORTS;
  var chart = echarts.init(document.getElementById('chart'));
  var shown = { 'japan-jama': true, 'germany-vda': true, 'korea-kama': true };

  function option() {
    var series = data.series
      .filter(function (s) { return s.id === 'china-caam' || shown[s.id]; })
      .map(function (s) {
        return {
          id: s.id,
          name: s.name,
          type: 'line',
          data: s.data,
          connectNulls: false,
          symbolSize: 8,
          itemStyle: { color: s.colour },
          lineStyle: { color: s.colour, width: 3 },
        };
      });
    return {
      grid: { left: 4, right: 16, top: 56, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', boundaryGap: false, data: data.years.map(String) },
      yAxis: { type: 'value' },
      series: series,
    };
  }

  chart.setOption(option());

  document.querySelectorAll('.peers button').forEach(function (button) {
    button.addEventListener('click', function () {
      var id = button.getAttribute('data-series');
      shown[id] = !shown[id];
      button.setAttribute('aria-pressed', String(shown[id]));
      chart.setOption(option(), { replaceMerge: ['series'] });
    });
  });

  window.addEventListener('resize', function () { chart.resize(); });
})();
