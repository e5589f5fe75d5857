// Market dashboards: draws each chart from the page's JSON island (#dashboard-data) with the vendored ECharts, and
// turns each chart's table into a toggle. Without script (or without ECharts) the tables stay visible.
(function () {
    'use strict';
    var island = document.getElementById('dashboard-data');
    if (!island || typeof window.echarts === 'undefined') return;
    var data = JSON.parse(island.textContent);
    var units = data.units;
    var instances = [];

    // Money travels in fen; charts show 万元 (1 万元 = 1,000,000 fen). Rates travel as 0-1 and are shown in %.
    function scale(format, value) {
        if (value === null || value === undefined) return null;
        if (format === 'money') return Math.round(value / 10000) / 100;
        if (format === 'percent') return Math.round(value * 1000) / 10;
        return value;
    }

    function unit(format) {
        return format === 'money' ? units.money : format === 'percent' ? units.percent : '';
    }

    function seriesColumns(chart) {
        var result = [];
        chart.columns.forEach(function (column, index) {
            if (column.series) result.push({ column: column, index: index });
        });
        return result;
    }

    function optionFor(chart) {
        var categories = chart.rows.map(function (row) { return String(row[0]); });
        var series = seriesColumns(chart);
        if (chart.kind === 'pie') {
            var first = series[0];
            return {
                tooltip: { trigger: 'item', valueFormatter: function (v) { return v + ' ' + unit(first.column.format); } },
                legend: { type: 'scroll', bottom: 0 },
                series: [{
                    name: first.column.label, type: 'pie', radius: ['35%', '65%'],
                    data: chart.rows.filter(function (row) { return row[first.index] > 0; })
                        .map(function (row) { return { name: String(row[0]), value: scale(first.column.format, row[first.index]) }; })
                }]
            };
        }
        var horizontal = chart.kind === 'hbar';
        var leftFormat = series.filter(function (s) { return !s.column.rightAxis; }).map(function (s) { return s.column.format; })[0];
        var rightFormat = series.filter(function (s) { return s.column.rightAxis; }).map(function (s) { return s.column.format; })[0];
        var valueAxes = [{ type: 'value', name: unit(leftFormat) }];
        if (rightFormat) valueAxes.push({ type: 'value', name: unit(rightFormat), splitLine: { show: false } });
        var categoryAxis = { type: 'category', data: categories, inverse: horizontal, axisLabel: { hideOverlap: true } };
        return {
            tooltip: { trigger: 'axis' },
            legend: { type: 'scroll', bottom: 0 },
            grid: { left: 8, right: 8, top: 32, bottom: 36, containLabel: true },
            xAxis: horizontal ? valueAxes[0] : categoryAxis,
            yAxis: horizontal ? categoryAxis : valueAxes,
            series: series.map(function (s) {
                return {
                    name: s.column.label + (unit(s.column.format) ? ' (' + unit(s.column.format) + ')' : ''),
                    type: s.column.draw === 'line' ? 'line' : 'bar',
                    yAxisIndex: !horizontal && s.column.rightAxis && rightFormat ? 1 : 0,
                    data: chart.rows.map(function (row) { return scale(s.column.format, row[s.index]); })
                };
            })
        };
    }

    data.charts.forEach(function (chart) {
        var element = document.getElementById('chart-' + chart.id);
        if (!element) return;
        var instance = window.echarts.init(element, null, { renderer: 'svg' });
        instance.setOption(optionFor(chart));
        instances.push(instance);

        var section = document.getElementById('section-' + chart.id);
        var toggle = section && section.querySelector('.table-toggle');
        var table = document.getElementById('table-' + chart.id);
        if (!toggle || !table) return;
        // The picture is there: the table becomes the alternative view, one click away.
        table.hidden = true;
        toggle.hidden = false;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.textContent = toggle.dataset.show;
        toggle.addEventListener('click', function () {
            var show = table.hidden;
            table.hidden = !show;
            toggle.setAttribute('aria-expanded', String(show));
            toggle.textContent = show ? toggle.dataset.hide : toggle.dataset.show;
        });
    });

    window.addEventListener('resize', function () {
        instances.forEach(function (instance) { instance.resize(); });
    });
}());
