package io.pylon.track;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric half of the run index: metric names by id, curves appended as compressed blocks and per-run
 * summaries (last, min, max, count), on the index's connection and under its lock.
 */
final class MetricStore {

    private final Connection db;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    MetricStore(Connection db) {
        this.db = db;
    }

    /** A name already stored in the index file. */
    void remember(String name, int id) {
        ids.put(name, id);
        names.put(id, name);
    }

    String name(int id) {
        return names.get(id);
    }

    Integer idOf(String name) {
        return ids.get(name);
    }

    void store(long runId, List<MetricPoint> points) throws SQLException {
        if (points.isEmpty()) {
            return;
        }
        Map<Integer, MetricSummary> summaries = summaries(runId);
        Map<Integer, List<MetricPoint>> byMetric = new LinkedHashMap<>();
        for (MetricPoint p : points) {
            int metric = metricId(p.metric());
            byMetric.computeIfAbsent(metric, k -> new ArrayList<>()).add(p);
            summaries.put(metric, summaries.getOrDefault(metric, MetricSummary.empty(p.metric())).plus(p.step(), p.value()));
        }
        for (Map.Entry<Integer, List<MetricPoint>> e : byMetric.entrySet()) {
            appendBlocks(runId, e.getKey(), e.getValue());
        }
        try (PreparedStatement upsert = db.prepareStatement("INSERT OR REPLACE INTO summary VALUES(?,?,?,?,?,?,?)")) {
            for (Map.Entry<Integer, MetricSummary> e : summaries.entrySet()) {
                MetricSummary s = e.getValue();
                upsert.setLong(1, runId);
                upsert.setInt(2, e.getKey());
                setDouble(upsert, 3, s.last());
                upsert.setLong(4, s.lastStep());
                setDouble(upsert, 5, s.min());
                setDouble(upsert, 6, s.max());
                upsert.setLong(7, s.count());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Appends to the curve's last block while it has room (live runs add a few points per refresh), then new blocks. */
    private void appendBlocks(long runId, int metric, List<MetricPoint> points) throws SQLException {
        long lastBlock = -1;
        byte[] lastData = new byte[0];
        try (PreparedStatement q = db.prepareStatement(
                "SELECT id, data FROM blocks WHERE run=? AND metric=? ORDER BY id DESC LIMIT 1")) {
            q.setLong(1, runId);
            q.setInt(2, metric);
            try (ResultSet r = q.executeQuery()) {
                if (r.next() && PointBlocks.count(r.getBytes(2)) < PointBlocks.MAX_POINTS) {
                    lastBlock = r.getLong(1);
                    lastData = r.getBytes(2);
                }
            }
        }
        int carried = PointBlocks.count(lastData);
        int n = carried + points.size();
        long[] steps = new long[n];
        double[] values = new double[n];
        PointBlocks.decodeInto(lastData, steps, values, 0);
        for (int i = 0; i < points.size(); i++) {
            steps[carried + i] = points.get(i).step();
            values[carried + i] = points.get(i).value();
        }
        if (lastBlock >= 0) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM blocks WHERE id=?")) {
                delete.setLong(1, lastBlock);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO blocks(run, metric, last_step, n, data) VALUES(?,?,?,?,?)")) {
            for (int from = 0; from < n; from += PointBlocks.MAX_POINTS) {
                int to = Math.min(n, from + PointBlocks.MAX_POINTS);
                long maxStep = Long.MIN_VALUE;
                for (int i = from; i < to; i++) {
                    maxStep = Math.max(maxStep, steps[i]);
                }
                insert.setLong(1, runId);
                insert.setInt(2, metric);
                insert.setLong(3, maxStep);
                insert.setInt(4, to - from);
                insert.setBytes(5, PointBlocks.encode(steps, values, from, to));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setDouble(PreparedStatement s, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            s.setDouble(index, value);
        } else {
            s.setNull(index, java.sql.Types.REAL);
        }
    }

    static double getDouble(ResultSet r, int index) throws SQLException {
        double v = r.getDouble(index);
        return r.wasNull() ? Double.NaN : v;
    }

    private Map<Integer, MetricSummary> summaries(long runId) throws SQLException {
        Map<Integer, MetricSummary> out = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT metric, last, last_step, min, max, count FROM summary WHERE run=?")) {
            q.setLong(1, runId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    int metric = r.getInt(1);
                    out.put(metric, new MetricSummary(names.get(metric), getDouble(r, 2), r.getLong(3),
                            getDouble(r, 4), getDouble(r, 5), r.getLong(6)));
                }
            }
        }
        return out;
    }

    private int metricId(String name) throws SQLException {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO metric_names(name) VALUES(?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getInt(1);
            }
        }
        ids.put(name, id);
        names.put(id, name);
        return id;
    }

    void clear(long runId) throws SQLException {
        for (String table : List.of("blocks", "summary")) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM " + table + " WHERE run=?")) {
                delete.setLong(1, runId);
                delete.executeUpdate();
            }
        }
    }
}
