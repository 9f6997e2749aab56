package io.pylon.track;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pylon.run.RunDirectory;
import io.pylon.run.RunHealth;
import io.pylon.run.RunStatus;

/**
 * An SQLite index of the run directories under a root. {@link #refresh} brings it up to date from
 * the files: new and removed runs, changed configs, and for {@code metrics.jsonl} only the bytes
 * appended since the last refresh (its offset and the bytes just before it are remembered; a file
 * that shrank or changed before that offset, as a resume rewrites it, is read again). The files stay
 * the truth: deleting the index file loses nothing. One connection, used under this object's lock.
 */
public final class RunIndex implements AutoCloseable {

    public static final String FILE = ".pylon-index.sqlite";
    private static final int TAIL = 64;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_VERSION = "3";

    private final Path root;
    private final Connection db;
    private final MetricStore metricStore;
    private Duration staleAfter = RunHealth.DEFAULT_STALE_AFTER;
    /** Parsed configs and statuses, reused while their source is unchanged (a listing of 1,000 runs stays cheap). */
    private final Map<Long, Cached<Map<String, String>>> configs = new HashMap<>();
    private final Map<Long, Cached<Optional<RunStatus>>> statuses = new HashMap<>();

    private record Cached<T>(Object version, T value) {
    }

    private RunIndex(Path root, Connection db) {
        this.root = root;
        this.db = db;
        this.metricStore = new MetricStore(db);
    }

    /** Opens (or creates) the index of {@code runsRoot} in {@code runsRoot/.pylon-index.sqlite}. */
    public static RunIndex open(Path runsRoot) {
        return open(runsRoot, runsRoot.resolve(FILE));
    }

    public static RunIndex open(Path runsRoot, Path indexFile) {
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + indexFile.toAbsolutePath());
            RunIndex index = new RunIndex(runsRoot.toAbsolutePath().normalize(), db);
            index.createSchema();
            return index;
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the run index " + indexFile + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** How old a running run's heartbeat may be before it counts as stuck or interrupted. */
    public synchronized void staleAfter(Duration value) {
        staleAfter = value;
    }

    private void createSchema() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            // the index is a cache of the run directories: losing its last transaction in a crash costs a refresh
            s.execute("PRAGMA synchronous=OFF");
            s.execute("PRAGMA temp_store=MEMORY");
            s.execute("PRAGMA cache_size=-65536");
            s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)");
            String version = null;
            try (ResultSet r = s.executeQuery("SELECT value FROM meta WHERE key='schema'")) {
                if (r.next()) {
                    version = r.getString(1);
                }
            }
            if (version != null && !version.equals(SCHEMA_VERSION)) {
                // an index from another version is only a cache: rebuild it from the run directories
                for (String table : List.of("runs", "metric_names", "points", "blocks", "summary")) {
                    s.execute("DROP TABLE IF EXISTS " + table);
                }
            }
            s.execute("INSERT OR REPLACE INTO meta VALUES('schema', '" + SCHEMA_VERSION + "')");
            s.execute("CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL,"
                    + " config_mtime INTEGER, config_json TEXT, metrics_offset INTEGER NOT NULL DEFAULT 0,"
                    + " metrics_tail BLOB, metrics_mtime INTEGER NOT NULL DEFAULT 0)");
            s.execute("CREATE TABLE IF NOT EXISTS metric_names(id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS blocks(id INTEGER PRIMARY KEY, run INTEGER NOT NULL,"
                    + " metric INTEGER NOT NULL, last_step INTEGER NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS blocks_by_curve ON blocks(run, metric, last_step)");
            s.execute("CREATE TABLE IF NOT EXISTS summary(run INTEGER, metric INTEGER, last REAL, last_step INTEGER,"
                    + " min REAL, max REAL, count INTEGER, PRIMARY KEY(run, metric)) WITHOUT ROWID");
            try (ResultSet r = s.executeQuery("SELECT id, name FROM metric_names")) {
                while (r.next()) {
                    metricStore.remember(r.getString(2), r.getInt(1));
                }
            }
        }
    }

    private record Row(long id, long configMtime, long offset, byte[] tail, long metricsMtime) {
    }

    /** Brings the whole index up to date with the run directories. */
    public synchronized RefreshStats refresh() {
        List<String> found = RunFinder.find(root);
        try {
            Map<String, Row> rows = rows(null);
            db.setAutoCommit(false);
            Counts counts = new Counts();
            for (String id : found) {
                refreshRun(id, rows.get(id), counts);
            }
            Set<String> present = new HashSet<>(found);
            int removed = 0;
            for (Map.Entry<String, Row> row : rows.entrySet()) {
                if (!present.contains(row.getKey())) {
                    delete(row.getValue().id());
                    removed++;
                }
            }
            db.commit();
            return new RefreshStats(found.size(), counts.added, removed, counts.points, counts.rescans, counts.bad);
        } catch (SQLException | IOException e) {
            rollback();
            throw new IllegalStateException("could not refresh the run index of " + root + ": " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** Brings one run up to date (what a live view polls); false if it is not a run directory (any more). */
    public synchronized boolean refresh(String id) {
        Path dir = resolve(id).orElse(null);
        if (dir == null || !Files.isRegularFile(dir.resolve(RunDirectory.CONFIG))) {
            return false;
        }
        try {
            db.setAutoCommit(false);
            refreshRun(id, rows(id).get(id), new Counts());
            db.commit();
            return true;
        } catch (SQLException | IOException e) {
            rollback();
            throw new IllegalStateException("could not refresh run " + id + ": " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    private static final class Counts {
        int added;
        long points;
        int rescans;
        int bad;
    }

    private Map<String, Row> rows(String onlyId) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        String sql = "SELECT path, id, config_mtime, metrics_offset, metrics_tail, metrics_mtime FROM runs"
                + (onlyId == null ? "" : " WHERE path = ?");
        try (PreparedStatement q = db.prepareStatement(sql)) {
            if (onlyId != null) {
                q.setString(1, onlyId);
            }
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getString(1), new Row(r.getLong(2), r.getLong(3), r.getLong(4), r.getBytes(5), r.getLong(6)));
                }
            }
        }
        return rows;
    }

    private void refreshRun(String id, Row existing, Counts counts) throws SQLException, IOException {
        Path dir = root.resolve(id);
        Path config = dir.resolve(RunDirectory.CONFIG);
        long configMtime = Files.getLastModifiedTime(config).toMillis();
        long runId;
        long offset = 0;
        byte[] tail = null;
        if (existing == null) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO runs(path) VALUES(?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, id);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    runId = keys.getLong(1);
                }
            }
            counts.added++;
        } else {
            runId = existing.id();
            offset = existing.offset();
            tail = existing.tail();
        }
        if (existing == null || existing.configMtime() != configMtime) {
            String json = JSON.writeValueAsString(readConfig(config));
            try (PreparedStatement update = db.prepareStatement("UPDATE runs SET config_mtime=?, config_json=? WHERE id=?")) {
                update.setLong(1, configMtime);
                update.setString(2, json);
                update.setLong(3, runId);
                update.executeUpdate();
            }
        }
        Path metrics = dir.resolve(RunDirectory.METRICS);
        long size = Files.isRegularFile(metrics) ? Files.size(metrics) : 0;
        long metricsMtime = size > 0 ? Files.getLastModifiedTime(metrics).toMillis() : 0;
        if (existing != null && size == offset && metricsMtime == existing.metricsMtime()) {
            return; // untouched since the last refresh: no need to open it
        }
        if (offset > 0 && (size < offset || !Arrays.equals(tail, tailBefore(metrics, offset)))) {
            // rewritten (a resume moves later lines aside): read it again from the start
            metricStore.clear(runId);
            offset = 0;
            counts.rescans++;
        }
        if (size > offset) {
            MetricLines.Chunk chunk = MetricLines.readFrom(metrics, offset, size);
            if (chunk.nextOffset() > offset) {
                metricStore.store(runId, chunk.points());
                counts.points += chunk.points().size();
                counts.bad += chunk.badLines();
                offset = chunk.nextOffset();
            }
        }
        try (PreparedStatement update = db.prepareStatement(
                "UPDATE runs SET metrics_offset=?, metrics_tail=?, metrics_mtime=? WHERE id=?")) {
            update.setLong(1, offset);
            update.setBytes(2, offset > 0 ? tailBefore(metrics, offset) : null);
            // a file still holding a torn line is looked at again next time, whatever its time stamp
            update.setLong(3, offset == size ? metricsMtime : 0);
            update.setLong(4, runId);
            update.executeUpdate();
        }
    }

    private static Map<String, String> readConfig(Path config) throws IOException {
        try {
            return FlatConfig.parse(Files.readString(config, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // a half-written or hand-broken config still lists the run, with no config values
            return Map.of();
        }
    }

    private static byte[] tailBefore(Path file, long offset) throws IOException {
        int length = (int) Math.min(TAIL, offset);
        byte[] bytes = new byte[length];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long at = offset - length;
            while (buffer.hasRemaining() && channel.read(buffer, at + buffer.position()) > 0) {
                // keep reading until the tail is complete
            }
        }
        return bytes;
    }

    private void delete(long runId) throws SQLException {
        metricStore.clear(runId);
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM runs WHERE id=?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
    }

    /** Every indexed run, by id, with its health judged now. */
    public synchronized List<IndexedRun> runs() {
        return query(null);
    }

    public synchronized Optional<IndexedRun> run(String id) {
        List<IndexedRun> runs = query(id);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private List<IndexedRun> query(String onlyId) {
        try {
            Map<Long, Map<String, MetricSummary>> metrics = new HashMap<>();
            String summarySql = "SELECT s.run, s.metric, s.last, s.last_step, s.min, s.max, s.count FROM summary s"
                    + (onlyId == null ? "" : " JOIN runs r ON r.id = s.run WHERE r.path = ?");
            try (PreparedStatement q = db.prepareStatement(summarySql)) {
                if (onlyId != null) {
                    q.setString(1, onlyId);
                }
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        String name = metricStore.name(r.getInt(2));
                        metrics.computeIfAbsent(r.getLong(1), k -> new java.util.TreeMap<>()).put(name,
                                new MetricSummary(name, MetricStore.getDouble(r, 3), r.getLong(4), MetricStore.getDouble(r, 5), MetricStore.getDouble(r, 6),
                                        r.getLong(7)));
                    }
                }
            }
            List<IndexedRun> out = new ArrayList<>();
            Instant now = Instant.now();
            String runSql = "SELECT id, path, config_json FROM runs" + (onlyId == null ? "" : " WHERE path = ?")
                    + " ORDER BY path";
            try (PreparedStatement q = db.prepareStatement(runSql)) {
                if (onlyId != null) {
                    q.setString(1, onlyId);
                }
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        String id = r.getString(2);
                        Path dir = root.resolve(id);
                        long runId = r.getLong(1);
                        String configJson = r.getString(3);
                        Cached<Map<String, String>> config = configs.get(runId);
                        if (config == null || !java.util.Objects.equals(config.version(), configJson)) {
                            config = new Cached<>(configJson, configJson == null ? Map.of() : java.util.Collections.unmodifiableMap(
                                    JSON.readValue(configJson, new TypeReference<LinkedHashMap<String, String>>() { })));
                            configs.put(runId, config);
                        }
                        RunDirectory runDir = new RunDirectory(dir);
                        Optional<RunStatus> status = status(runId, runDir.status());
                        // the checkpoint only matters for a run whose process is gone: look only then
                        RunHealth health = RunHealth.classify(status, now, staleAfter,
                                pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                                status.isPresent() && status.get().state() == io.pylon.run.RunState.RUNNING
                                        && Files.isRegularFile(runDir.lastCheckpoint()));
                        String experiment = id.contains("/") ? id.substring(0, id.indexOf('/')) : "";
                        out.add(new IndexedRun(id, dir, experiment, health, status, config.value(),
                                metrics.getOrDefault(runId, Map.of())));
                    }
                }
            }
            return out;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not read the run index of " + root + ": " + e.getMessage(), e);
        }
    }

    /** A run's status, read again only when its file's time stamp or size changed. */
    private Optional<RunStatus> status(long runId, Path file) {
        Object version;
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            version = a.lastModifiedTime().toMillis() + ":" + a.size();
        } catch (IOException e) {
            version = "absent";
        }
        Cached<Optional<RunStatus>> cached = statuses.get(runId);
        if (cached == null || !cached.version().equals(version)) {
            cached = new Cached<>(version, RunStatus.read(file));
            statuses.put(runId, cached);
        }
        return cached.value();
    }

    /** The metric names a run logged, sorted. */
    public synchronized List<String> metricNames(String id) {
        return run(id).map(r -> List.copyOf(new java.util.TreeSet<>(r.metrics().keySet()))).orElse(List.of());
    }

    /** Values of {@code metric} logged by run {@code id} after {@code afterStep} (Long.MIN_VALUE: all). */
    public synchronized Series series(String id, String metric, long afterStep) {
        Integer metricId = metricStore.idOf(metric);
        if (metricId == null) {
            return new Series(metric, new long[0], new double[0]);
        }
        try (PreparedStatement q = db.prepareStatement("SELECT b.data FROM blocks b JOIN runs r ON r.id = b.run"
                + " WHERE r.path = ? AND b.metric = ? AND b.last_step > ? ORDER BY b.id")) {
            q.setString(1, id);
            q.setInt(2, metricId);
            q.setLong(3, afterStep);
            List<byte[]> blocks = new ArrayList<>();
            int total = 0;
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    byte[] block = r.getBytes(1);
                    blocks.add(block);
                    total += PointBlocks.count(block);
                }
            }
            long[] steps = new long[total];
            double[] values = new double[total];
            int at = 0;
            for (byte[] block : blocks) {
                at = PointBlocks.decodeInto(block, steps, values, at);
            }
            return PointBlocks.normalise(metric, steps, values, total, afterStep);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + metric + " of " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The directory of run {@code id} if it is one inside the root: the id is resolved, normalised and
     * its real path (symbolic links followed) must still lie under the root's real path.
     */
    public Optional<Path> resolve(String id) {
        if (id.isEmpty() || id.contains("\0")) {
            return Optional.empty();
        }
        try {
            Path candidate = root.resolve(id).normalize();
            if (!candidate.startsWith(root) || !Files.exists(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(root.toRealPath()) ? Optional.of(candidate) : Optional.empty();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the refresh already failed; its own error is the one to report
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("run index connection broke: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("could not close the run index: " + e.getMessage(), e));
        }
    }
}
