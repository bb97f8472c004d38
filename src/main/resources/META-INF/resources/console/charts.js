// Draws every <canvas data-chart='{"labels":[...],"series":[{"label":..,"data":[..]}],"type":"bar","integer":true}'>
// with Chart.js, on load and after htmx swaps in new content. The numbers are also in a
// table on the same page, which is what screen readers read.
(function () {
  const palette = ['#0b5394', '#b45f06', '#1a6b34', '#a1161f', '#4a5360'];
  function draw(root) {
    if (typeof Chart === 'undefined') { return; }
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas.dataset.drawn) { return; }
      const spec = JSON.parse(canvas.dataset.chart);
      new Chart(canvas, {
        type: spec.type || 'bar',
        data: {
          labels: spec.labels,
          datasets: spec.series.map(function (s, i) {
            return { label: s.label, data: s.data, backgroundColor: palette[i % palette.length],
                     borderColor: palette[i % palette.length], fill: false };
          })
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
                   // counts (spec.integer) step by whole numbers: no "0.1 approvals" on the axis
                   scales: { y: { beginAtZero: true, suggestedMax: spec.max,
                                  ticks: spec.integer ? { precision: 0 } : {} } } }
      });
      canvas.dataset.drawn = 'true';
    });
  }
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSwap', function (e) { draw(e.detail.target.ownerDocument || document); });
})();
