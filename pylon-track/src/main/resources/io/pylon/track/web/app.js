// Pylon viewer: table sorting/filtering, uPlot charts (zoom, log scale, smoothing), live updates, seed bands.
(function () {
  "use strict";
  var PALETTE = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563", "#65a30d", "#9333ea"];

  function fmt(v) {
    if (v === null || v === undefined) { return "–"; }
    var a = Math.abs(v);
    if (v === 0) { return "0"; }
    if (a < 1e-3 || a >= 1e5) { return v.toExponential(1); }
    return String(Number(v.toPrecision(4)));
  }
  function yAxis() {
    return { stroke: "#475569", grid: { stroke: "#eef2f7" }, size: 64,
      values: function (u, splits) { return splits.map(fmt); } };
  }

  function qs(sel, root) { return (root || document).querySelector(sel); }
  function qsa(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function getJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }

  // ---- runs table -----------------------------------------------------------------------------
  function setUpRunsTable() {
    var table = qs("#runs-table");
    if (!table) { return; }
    var filter = qs("#filter"), status = qs("#status-filter"), button = qs("#compare-selected"), count = qs("#shown-count");
    var rows = qsa("tbody tr", table);
    function apply() {
      var text = (filter.value || "").toLowerCase(), wanted = status.value, shown = 0;
      rows.forEach(function (row) {
        var ok = (!wanted || row.getAttribute("data-status") === wanted) &&
          (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
        row.hidden = !ok;
        if (ok) { shown++; }
      });
      count.textContent = shown === rows.length ? "" : shown + " of " + rows.length + " shown";
    }
    filter.addEventListener("input", apply);
    status.addEventListener("change", apply);
    function picked() { return qsa("tbody input[type=checkbox]:checked", table).map(function (c) { return c.value; }); }
    table.addEventListener("change", function () {
      var n = picked().length;
      button.disabled = n < 2;
      button.textContent = n < 2 ? "Compare selected" : "Compare " + n + " runs";
    });
    button.addEventListener("click", function () {
      location.href = "/compare?" + picked().map(function (id) { return "id=" + encodeURIComponent(id); }).join("&");
    });
    qsa("thead th[data-type]", table).forEach(function (th, i) {
      th.classList.add("sortable-col");
      th.addEventListener("click", function () {
        var column = th.cellIndex, asc = th.getAttribute("aria-sort") !== "ascending";
        qsa("thead th", table).forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = qs("tbody", table);
        var sorted = rows.slice().sort(function (a, b) {
          var x = key(a.cells[column]), y = key(b.cells[column]);
          if (x === null && y === null) { return 0; }
          if (x === null) { return 1; }
          if (y === null) { return -1; }
          var c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return asc ? c : -c;
        });
        sorted.forEach(function (r) { body.appendChild(r); });
      });
    });
    function key(cell) {
      var v = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
      if (v === "" || v === "–") { return null; }
      var n = Number(v);
      return isNaN(n) ? v : n;
    }
  }

  // ---- charts ---------------------------------------------------------------------------------
  var charts = [];

  function smooth(values, weight) {
    if (!weight) { return values; }
    var out = new Array(values.length), last = 0, n = 0;
    for (var i = 0; i < values.length; i++) {
      var v = values[i];
      if (v === null) { out[i] = null; continue; }
      last = last * weight + (1 - weight) * v; n++;
      out[i] = last / (1 - Math.pow(weight, n)); // debiased like TensorBoard's
    }
    return out;
  }

  function Chart(el) {
    this.el = el;
    this.series = JSON.parse(el.getAttribute("data-series"));
    this.raw = this.series.map(function () { return { steps: [], values: [] }; });
    this.live = el.getAttribute("data-live") === "true";
    this.plot = null;
  }

  Chart.prototype.load = function () {
    var self = this;
    return Promise.all(this.series.map(function (s, i) {
      var last = self.raw[i].steps.length ? self.raw[i].steps[self.raw[i].steps.length - 1] : null;
      var url = "/api/series?id=" + encodeURIComponent(s.run) + "&metric=" + encodeURIComponent(s.metric) +
        (last === null ? "" : "&after=" + last);
      return getJson(url).then(function (d) {
        Array.prototype.push.apply(self.raw[i].steps, d.steps);
        Array.prototype.push.apply(self.raw[i].values, d.values);
        return d.steps.length;
      });
    })).then(function (added) {
      var total = added.reduce(function (a, b) { return a + b; }, 0);
      if (total > 0 || !self.plot) { self.draw(); }
      return total;
    });
  };

  Chart.prototype.data = function () {
    var settings = chartSettings();
    var tables = this.raw.map(function (r) {
      var ys = smooth(r.values, settings.smoothing);
      if (settings.log) { ys = ys.map(function (v) { return v !== null && v > 0 ? v : null; }); }
      return [r.steps, ys];
    });
    if (tables.length === 1) { return tables[0]; }
    return uPlot.join(tables);
  };

  Chart.prototype.draw = function () {
    var settings = chartSettings(), data = this.data();
    var points = this.raw.reduce(function (a, r) { return a + r.steps.length; }, 0);
    this.el.setAttribute("data-points", String(points));
    var width = Math.max(280, this.el.clientWidth || 480);
    if (this.plot && this.plot.__log === settings.log) {
      this.plot.setData(data); // rescales to the new steps (a zoom resets as a live curve grows)
      return;
    }
    if (this.plot) { this.plot.destroy(); }
    var series = [{ label: "step" }].concat(this.series.map(function (s, i) {
      return { label: s.label, stroke: PALETTE[i % PALETTE.length], width: 1.6, spanGaps: true,
        points: { show: false }, value: function (u, v) { return fmt(v); } };
    }));
    this.plot = new uPlot({
      width: width, height: 240, series: series,
      scales: { x: { time: false }, y: settings.log ? { distr: 3 } : {} },
      axes: [{ label: "step", stroke: "#475569", grid: { stroke: "#eef2f7" } }, yAxis()],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } }
    }, data, this.el);
    this.plot.__log = settings.log;
  };

  function chartSettings() {
    var log = qs(".log-toggle"), sm = qs(".smooth");
    return { log: !!(log && log.checked), smoothing: sm ? Number(sm.value) : 0 };
  }

  function setUpCharts() {
    qsa(".chart[data-series]").forEach(function (el) { charts.push(new Chart(el)); });
    charts.forEach(function (c) { c.load().catch(function (e) { c.el.textContent = "could not load: " + e.message; }); });
    var log = qs(".log-toggle"), sm = qs(".smooth"), smLabel = qs(".smooth-value");
    if (log) { log.addEventListener("change", function () { charts.forEach(function (c) { c.draw(); }); }); }
    if (sm) {
      sm.addEventListener("input", function () {
        smLabel.textContent = Number(sm.value).toFixed(2);
        charts.forEach(function (c) { c.draw(); });
      });
    }
    var live = charts.filter(function (c) { return c.live; });
    if (live.length) { poll(live); }
    window.addEventListener("resize", function () {
      charts.forEach(function (c) { if (c.plot) { c.plot.setSize({ width: Math.max(280, c.el.clientWidth), height: 240 }); } });
    });
  }

  function poll(live) {
    var runId = live[0].series[0].run;
    setTimeout(function tick() {
      Promise.all(live.map(function (c) { return c.load(); })).then(function () {
        return getJson("/api/run?id=" + encodeURIComponent(runId));
      }).then(function (run) {
        if (run.status === "running") { setTimeout(tick, 1500); } else { location.reload(); }
      }).catch(function () { setTimeout(tick, 5000); });
    }, 1500);
  }

  // ---- seed bands -----------------------------------------------------------------------------
  function setUpBands() {
    qsa(".band-chart").forEach(function (el) {
      var ids = JSON.parse(el.getAttribute("data-runs")), metric = el.getAttribute("data-metric");
      var url = "/api/bands?metric=" + encodeURIComponent(metric) + ids.map(function (id) {
        return "&id=" + encodeURIComponent(id);
      }).join("");
      getJson(url).then(function (d) {
        var lo = d.mean.map(function (m, i) { return m === null ? null : m - d.std[i]; });
        var hi = d.mean.map(function (m, i) { return m === null ? null : m + d.std[i]; });
        el.setAttribute("data-points", String(d.steps.length));
        new uPlot({
          width: Math.max(280, el.clientWidth || 480), height: 220,
          series: [{ label: "step" },
            { label: "mean", stroke: PALETTE[0], width: 1.8 },
            { label: "mean − std", stroke: "rgba(37,99,235,0.35)", width: 1 },
            { label: "mean + std", stroke: "rgba(37,99,235,0.35)", width: 1 }],
          bands: [{ series: [3, 2], fill: "rgba(37,99,235,0.15)" }],
          scales: { x: { time: false } },
          axes: [{ label: "step", stroke: "#475569", grid: { stroke: "#eef2f7" } }, yAxis()],
          cursor: { drag: { x: true, y: false } }
        }, [d.steps, d.mean, lo, hi], el);
      }).catch(function (e) { el.textContent = "could not load: " + e.message; });
    });
  }

  function setUpDiffToggle() {
    var toggle = qs("#show-same"), table = qs("#config-diff");
    if (toggle && table) {
      toggle.addEventListener("change", function () { table.classList.toggle("show-same", toggle.checked); });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpRunsTable();
    setUpCharts();
    setUpBands();
    setUpDiffToggle();
  });
})();
