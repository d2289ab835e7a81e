// Draws a dossier's timeline on a time axis from the timeline JSON embedded in the page: one lane for
// the events, one for supplement pauses, one per holder; the due date as a vertical line.
(function () {
  'use strict';
  const t = JSON.parse(document.getElementById('dossier-data').textContent);
  const element = document.getElementById('timeline-chart');
  if (!element || !window.echarts) {
    return;
  }
  const labels = element.dataset;
  // Wall-clock time of Ho Chi Minh City whatever the browser's zone: shift by +7 h and draw in UTC.
  const OFFSET = 7 * 3600 * 1000;
  const time = (iso) => iso == null ? null : Date.parse(iso) + OFFSET;
  const end = time(t.timeAxisEnd);
  const holderLanes = [];
  t.holders.forEach((h) => {
    const lane = h.officerName ? h.officerId + ' – ' + h.officerName : h.officerId;
    if (!holderLanes.includes(lane)) { holderLanes.push(lane); }
  });
  const lanes = [labels.laneEvents, labels.lanePauses].concat(holderLanes);
  const laneOf = (h) => 2 + holderLanes.indexOf(h.officerName ? h.officerId + ' – ' + h.officerName : h.officerId);
  // The due date is the whole day: overdue from 00:00 the day after.
  const dueLine = t.dossier.dueDate == null ? null : Date.parse(t.dossier.dueDate + 'T00:00:00Z') + 24 * 3600 * 1000;

  const interval = (params, api) => {
    const lane = api.value(0);
    const from = api.coord([api.value(1), lane]);
    const to = api.coord([api.value(2), lane]);
    const height = api.size([0, 1])[1] * 0.5;
    const shape = echarts.graphic.clipRectByRect(
      { x: from[0], y: from[1] - height / 2, width: Math.max(2, to[0] - from[0]), height: height },
      { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
    return shape && { type: 'rect', shape: shape, style: api.style() };
  };
  const format = (ms) => echarts.time.format(ms, '{dd}/{MM}/{yyyy} {HH}:{mm}', true);
  const chart = echarts.init(element);
  chart.setOption({
    useUTC: true,
    tooltip: {
      formatter: (item) => {
        if (item.seriesId === 'events') { return item.data[2] + '<br>' + format(item.data[0]); }
        return item.seriesName + '<br>' + format(item.data[1]) + ' – ' + format(item.data[2]);
      }
    },
    grid: { left: 200, right: 32, top: 24, bottom: 48 },
    xAxis: { type: 'time', min: Math.min(time(t.dossier.receivedAt), dueLine || Infinity) - 3600 * 1000,
      max: Math.max(end, dueLine || 0) + 3600 * 1000 },
    yAxis: { type: 'category', data: lanes, inverse: true },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 8 }],
    series: [
      { id: 'events', name: labels.laneEvents, type: 'scatter', symbolSize: 10,
        data: t.events.map((e) => [time(e.occurredAt), 0, e.type]),
        markLine: dueLine == null ? undefined : { symbol: 'none', label: { formatter: labels.labelDue },
          lineStyle: { color: '#b71c1c', type: 'dashed' }, data: [{ xAxis: dueLine }] } },
      { id: 'pauses', name: labels.lanePauses, type: 'custom', renderItem: interval, itemStyle: { color: '#ffb74d' },
        encode: { x: [1, 2], y: 0 },
        data: t.pauses.map((p) => [1, time(p.from), p.to == null ? end : time(p.to)]) },
      { id: 'holders', name: labels.labelHolders, type: 'custom', renderItem: interval, itemStyle: { color: '#5c6bc0' },
        encode: { x: [1, 2], y: 0 },
        data: t.holders.map((h) => [laneOf(h), time(h.startedAt), h.endedAt == null ? end : time(h.endedAt), h.officerId]) }
    ]
  });
  window.addEventListener('resize', () => chart.resize());
})();
