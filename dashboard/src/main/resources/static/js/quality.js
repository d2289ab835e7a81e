// Bar charts of rejected lines by reason and of dossier anomalies by code.
(function () {
  'use strict';
  const q = JSON.parse(document.getElementById('quality-data').textContent);
  if (!window.echarts) {
    return;
  }
  const bars = (id, seriesId, counts) => {
    const element = document.getElementById(id);
    echarts.init(element).setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 190, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: counts.map((c) => c.key) },
      series: [{ id: seriesId, name: element.dataset.label, type: 'bar', data: counts.map((c) => c.count) }]
    });
  };
  bars('rejects-chart', 'rejectsByReason', q.rejectsByReason);
  bars('anomalies-chart', 'anomaliesByCode', q.anomaliesByCode);
})();
