// Draws the procedure view's charts from the view JSON embedded in the page.
(function () {
  'use strict';
  const v = JSON.parse(document.getElementById('procedure-data').textContent);
  if (!window.echarts) {
    return;
  }
  const dayMonth = (iso) => iso.substring(8, 10) + '/' + iso.substring(5, 7);
  const percent = (rate) => rate == null ? null : rate * 100;
  const trend = document.getElementById('procedure-trend');
  const t = trend.dataset;
  echarts.init(trend).setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: v.weeks.map((w) => dayMonth(w.weekStart) + (w.partial ? '*' : '')) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100 }],
    series: [
      { id: 'received', name: t.labelReceived, type: 'bar', data: v.weeks.map((w) => w.figures.received) },
      { id: 'resolved', name: t.labelResolved, type: 'bar', data: v.weeks.map((w) => w.figures.resolved) },
      { id: 'onTimeRate', name: t.labelOnTimeRate, type: 'line', yAxisIndex: 1, data: v.weeks.map((w) => percent(w.figures.onTimeRate)) }
    ]
  });
  const units = document.getElementById('procedure-units');
  echarts.init(units).setOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 140, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', inverse: true, data: v.otherUnits.map((u) => u.unitName) },
    series: [{ id: 'onTimeRateByUnit', name: units.dataset.labelOnTimeRate, type: 'bar',
      data: v.otherUnits.map((u) => ({ value: percent(u.figures.onTimeRate),
        itemStyle: { color: u.unitCode === v.unit.code ? '#b71c1c' : '#5c6bc0' } })) }]
  });
})();
