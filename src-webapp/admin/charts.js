// The charts of the Publishing Point Details page (WEB-INF/templates/charts.xhtml): every two seconds, while the tab
// is visible, the point's history (GET /admin/history?point=..., JSON) is fetched and each chart is updated in place
// with uPlot (from its WebJar); a chart is built anew only when its series change. Each chart box tells in
// data-series and data-points how many series and data points it draws. No inline script or style: uPlot styles its
// elements through the CSSOM, which the Content Security Policy allows.
(function () {
  'use strict';
  const COLOURS = ['#0969da', '#1a7f37', '#bf3989', '#9a6700', '#8250df', '#cf222e', '#1b7c83', '#57606a'];
  const HEIGHT = 180;

  function start() {
    const root = document.querySelector('[data-history]');
    if (!root || typeof window.uPlot !== 'function') {
      return;
    }
    const url = root.dataset.history + '?point=' + encodeURIComponent(root.dataset.point);
    const charts = new Map();
    let busy = false;

    function width(box) {
      return Math.max(300, box.querySelector('.chart').clientWidth || box.clientWidth || 600);
    }

    // the whole window (ten minutes) from the newest sample back, so a young history starts at the right; rates from 0
    let span = 600;
    function xRange(u, min, max) {
      const end = max == null ? Math.floor(Date.now() / 1000) : max;
      return [end - span, end];
    }
    function yRange(u, min, max) {
      return [0, max != null && max > 0 ? max * 1.1 : 1];
    }

    function draw(box, times, series) {
      const name = box.dataset.chart;
      const key = series.map(function (s) { return s.name; }).join('\n');
      const data = [times].concat(series.map(function (s) { return s.values; }));
      let chart = charts.get(name);
      if (!chart || chart.key !== key) {
        if (chart) {
          chart.plot.destroy();
        }
        const options = {
          width: width(box),
          height: HEIGHT,
          scales: { x: { time: true, range: xRange }, y: { range: yRange } },
          // in UTC, as the event log shows its times
          tzDate: function (ts) { return window.uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
          series: [{}].concat(series.map(function (s, i) {
            // points too: a lone sample (a young history, a gap) would otherwise not show
            return { label: s.name, stroke: COLOURS[i % COLOURS.length], width: 1.5, points: { show: true, size: 4 } };
          })),
          axes: [{}, { size: 60 }]
        };
        chart = { key: key, plot: new window.uPlot(options, data, box.querySelector('.chart')) };
        charts.set(name, chart);
      } else {
        chart.plot.setData(data);
      }
      let points = 0;
      series.forEach(function (s) {
        s.values.forEach(function (v) {
          if (v !== null) {
            points++;
          }
        });
      });
      box.dataset.series = String(series.length);
      box.dataset.points = String(points);
      box.querySelector('.none').hidden = points > 0;
    }

    function refresh() {
      if (busy || document.hidden) {
        return;
      }
      busy = true;
      fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status));
        })
        .then(function (history) {
          span = history.capacity * history.intervalSeconds;
          root.querySelectorAll('[data-chart]').forEach(function (box) {
            draw(box, history.times, history[box.dataset.chart] || []);
          });
          root.dataset.samples = String(history.times.length);
        })
        .catch(function () {
          // signed out or the server away: the next round tries again, the charts keep what they show
        })
        .finally(function () { busy = false; });
    }

    window.addEventListener('resize', function () {
      root.querySelectorAll('[data-chart]').forEach(function (box) {
        const chart = charts.get(box.dataset.chart);
        if (chart) {
          chart.plot.setSize({ width: width(box), height: HEIGHT });
        }
      });
    });
    refresh();
    setInterval(refresh, 2000);
  }

  document.addEventListener('DOMContentLoaded', start);
}());
