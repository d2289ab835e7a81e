// Draws the city comparison's charts from the comparison JSON embedded in the page
// (the document GET /api/city/weeks/{weekStart} returns).
(function () {
  'use strict';
  const city = JSON.parse(document.getElementById('city-data').textContent);
  const labels = document.getElementById('city-labels').dataset;
  if (!window.echarts) {
    return;
  }
  const lang = document.documentElement.lang || 'vi';
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  // Rates are fractions in the JSON; charts show percentages.
  const percentKeys = ['onTimeRate', 'overdueRate', 'integrationErrorRate', 'afterHoursShare'];
  const key = city.rankBy;
  const scale = percentKeys.includes(key) ? 100 : 1;
  const value = (unit) => unit[key] == null ? null : unit[key] * scale;
  const charts = [];
  // rows: for horizontal bar charts, one category per unit; the chart grows so that all 168 labels stay readable
  const draw = (id, option, rows) => {
    const element = document.getElementById(id);
    if (!element) { return; }
    if (rows) { element.style.height = Math.max(352, 18 * rows + 40) + 'px'; }
    const chart = echarts.init(element);
    chart.setOption(option);
    charts.push(chart);
  };

  const ranked = city.units.filter((unit) => unit.rank != null);
  // Horizontal bars, rank 1 at the top.
  draw('ranking-chart', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 140, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => number.format(v) } },
    yAxis: { type: 'category', inverse: true, data: ranked.map((unit) => unit.rank + '. ' + unit.name) },
    series: [{ id: 'ranking', name: labels.rankLabel, type: 'bar', data: ranked.map(value) }]
  }, ranked.length);

  draw('scatter-chart', {
    tooltip: { formatter: (item) => item.data[2] + '<br>' + labels.load + ': ' + number.format(item.data[0])
      + '<br>' + labels.onTime + ': ' + number.format(item.data[1]) + (lang === 'vi' ? '\u00a0%' : '%') },
    grid: { left: 56, right: 24, top: 16, bottom: 48 },
    xAxis: { type: 'value', name: labels.load, nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: { type: 'value', name: labels.onTime, max: 100, scale: true },
    series: [{ id: 'loadVsOnTime', name: labels.onTime, type: 'scatter', symbolSize: 12,
      label: { show: true, position: 'right', formatter: (item) => item.data[3] },
      data: city.units.filter((unit) => unit.loadPerOfficer != null && unit.onTimeRate != null)
        .map((unit) => [unit.loadPerOfficer, unit.onTimeRate * 100, unit.name, unit.code]) }]
  });

  // Histogram of the ranking KPI: 10 equal bins between the lowest and highest value.
  const values = city.units.map(value).filter((v) => v != null);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const bins = 10;
  const width = high > low ? (high - low) / bins : 1;
  const counts = new Array(bins).fill(0);
  values.forEach((v) => { counts[Math.min(bins - 1, Math.floor((v - low) / width))] += 1; });
  draw('distribution-chart', {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: counts.map((_, i) => number.format(low + i * width) + '–' + number.format(low + (i + 1) * width)),
      axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1, name: labels.units },
    series: [{ id: 'distribution', name: labels.units, type: 'bar', data: values.length ? counts : [] }]
  });

  const byErrors = city.units.slice().sort((a, b) => b.integrationErrors - a.integrationErrors);
  draw('errors-unit-chart', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 140, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: byErrors.map((unit) => unit.name) },
    series: [{ id: 'errorsByUnit', name: labels.errors, type: 'bar', data: byErrors.map((unit) => unit.integrationErrors) }]
  }, byErrors.length);

  draw('errors-hour-chart', {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', name: labels.hour, data: city.integrationErrorsByHour.map((_, hour) => String(hour).padStart(2, '0')) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ id: 'errorsByHour', name: labels.errors, type: 'bar', data: city.integrationErrorsByHour }]
  });

  // Changing the KPI re-ranks at once (a plain form submit: the server ranks, the URL stays shareable).
  const rankBy = document.getElementById('rank-by');
  rankBy.addEventListener('change', () => rankBy.form.submit());
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
})();
