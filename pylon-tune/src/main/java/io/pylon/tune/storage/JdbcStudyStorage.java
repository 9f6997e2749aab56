package io.pylon.tune.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import io.pylon.PylonUserException;
import io.pylon.metrics.Direction;
import io.pylon.tune.Json;
import io.pylon.tune.study.StudyInfo;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * {@link StudyStorage} over one JDBC connection (SQLite or PostgreSQL). Each public method is one
 * transaction, run again when the database reports a transient conflict (busy file, serialization failure).
 * Methods are synchronized: a worker's heartbeat thread shares the connection with its training thread.
 */
final class JdbcStudyStorage implements StudyStorage {

    private static final int MAX_ATTEMPTS = 50;

    private final Connection connection;
    private final SqlDialect dialect;
    private final String url;

    private JdbcStudyStorage(Connection connection, SqlDialect dialect, String url) {
        this.connection = connection;
        this.dialect = dialect;
        this.url = url;
    }

    static JdbcStudyStorage start(Connection connection, SqlDialect dialect, String url) throws SQLException {
        JdbcStudyStorage storage = new JdbcStudyStorage(connection, dialect, url);
        storage.inTransaction(storage::createSchema);
        return storage;
    }

    private Void createSchema() throws SQLException {
        dialect.lockSchema(connection);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS pylon_studies (id " + dialect.primaryKey()
                    + ", name TEXT NOT NULL UNIQUE, objectives TEXT NOT NULL, directions TEXT NOT NULL,"
                    + " space TEXT NOT NULL, created BIGINT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS pylon_trials (id " + dialect.primaryKey()
                    + ", study_id BIGINT NOT NULL REFERENCES pylon_studies(id), number INTEGER NOT NULL,"
                    + " state TEXT NOT NULL, params TEXT NOT NULL, vals TEXT NOT NULL, retry_of INTEGER NOT NULL,"
                    + " heartbeat BIGINT, started BIGINT NOT NULL, finished BIGINT NOT NULL, run_dir TEXT NOT NULL,"
                    + " UNIQUE (study_id, number))");
            s.execute("CREATE TABLE IF NOT EXISTS pylon_intermediate (trial_id BIGINT NOT NULL REFERENCES pylon_trials(id),"
                    + " step INTEGER NOT NULL, value DOUBLE PRECISION, PRIMARY KEY (trial_id, step))");
        }
        return null;
    }

    @Override
    public synchronized StudyInfo openStudy(String name, List<String> objectives, List<Direction> directions,
            String space) {
        StudyInfo wanted = new StudyInfo(-1, name, objectives, directions, space);
        StudyInfo stored = inTransaction(() -> {
            Optional<StudyInfo> existing = selectStudy(name);
            if (existing.isPresent()) {
                return existing.get();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pylon_studies"
                    + " (name, objectives, directions, space, created) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, Json.write(objectives));
                insert.setString(3, Json.write(directions.stream().map(Direction::name).toList()));
                insert.setString(4, space);
                insert.setLong(5, System.currentTimeMillis());
                insert.executeUpdate();
            }
            return selectStudy(name).orElseThrow();
        });
        if (!stored.space().equals(space) || !stored.objectives().equals(objectives)
                || !stored.directions().equals(directions)) {
            throw new PylonUserException("study '" + name + "' in " + url + " was created with "
                    + describe(stored) + ", not " + describe(wanted) + ": choose another --study name, or"
                    + " search the stored space again");
        }
        return stored;
    }

    private static String describe(StudyInfo study) {
        return "objectives " + study.objectives() + " " + study.directions() + " and space " + study.space();
    }

    @Override
    public synchronized Optional<StudyInfo> findStudy(String name) {
        return inTransaction(() -> selectStudy(name));
    }

    @Override
    public synchronized List<StudyInfo> studies() {
        return inTransaction(() -> {
            List<StudyInfo> all = new ArrayList<>();
            try (Statement s = connection.createStatement();
                 ResultSet rows = s.executeQuery("SELECT id, name, objectives, directions, space FROM pylon_studies ORDER BY id")) {
                while (rows.next()) {
                    all.add(study(rows));
                }
            }
            return all;
        });
    }

    private Optional<StudyInfo> selectStudy(String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, objectives, directions, space FROM pylon_studies WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(study(rows)) : Optional.empty();
            }
        }
    }

    private static StudyInfo study(ResultSet row) throws SQLException {
        List<String> objectives = Json.readList(row.getString(3)).stream().map(String::valueOf).toList();
        List<Direction> directions = Json.readList(row.getString(4)).stream()
                .map(d -> Direction.valueOf(String.valueOf(d))).toList();
        return new StudyInfo(row.getLong(1), row.getString(2), objectives, directions, row.getString(5));
    }

    @Override
    public synchronized List<Trial> trials(long studyId) {
        return inTransaction(() -> selectTrials(studyId));
    }

    private List<Trial> selectTrials(long studyId) throws SQLException {
        Map<Long, SortedMap<Integer, Double>> intermediate = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT i.trial_id, i.step, i.value"
                + " FROM pylon_intermediate i JOIN pylon_trials t ON t.id = i.trial_id WHERE t.study_id = ?")) {
            select.setLong(1, studyId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    double value = rows.getDouble(3);
                    intermediate.computeIfAbsent(rows.getLong(1), id -> new TreeMap<>())
                            .put(rows.getInt(2), rows.wasNull() ? Double.NaN : value);
                }
            }
        }
        List<Trial> trials = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, number, state, params, vals,"
                + " retry_of, started, finished, run_dir FROM pylon_trials WHERE study_id = ? ORDER BY number")) {
            select.setLong(1, studyId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    List<Double> values = Json.readList(rows.getString(5)).stream().map(JdbcStudyStorage::number).toList();
                    trials.add(new Trial(id, rows.getInt(2), TrialState.valueOf(rows.getString(3)),
                            Json.readMap(rows.getString(4)), values,
                            intermediate.getOrDefault(id, new TreeMap<>()), rows.getInt(6), rows.getLong(7),
                            rows.getLong(8), rows.getString(9)));
                }
            }
        }
        return trials;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
    }

    @Override
    public synchronized Optional<Trial> ask(long studyId, AskRules rules, Proposer proposer) {
        return inTransaction(() -> {
            dialect.lockStudy(connection, studyId);
            long now = System.currentTimeMillis();
            List<Trial> trials = selectTrials(studyId);
            if (rules.heartbeatTimeoutMillis() > 0) {
                trials = reapStale(studyId, trials, rules, now);
            }
            Optional<Trial> waiting = trials.stream().filter(t -> t.state() == TrialState.WAITING).findFirst();
            if (waiting.isPresent()) {
                try (PreparedStatement claim = connection.prepareStatement("UPDATE pylon_trials SET state = 'RUNNING',"
                        + " heartbeat = ?, started = ? WHERE id = ? AND state = 'WAITING'")) {
                    claim.setLong(1, now);
                    claim.setLong(2, now);
                    claim.setLong(3, waiting.get().id());
                    claim.executeUpdate();
                }
                Trial t = waiting.get();
                return Optional.of(new Trial(t.id(), t.number(), TrialState.RUNNING, t.params(), List.of(),
                        t.intermediate(), t.retryOf(), now, 0, ""));
            }
            if (rules.maxTrials() > 0 && counted(trials) >= rules.maxTrials()) {
                return Optional.<Trial>empty();
            }
            int number = trials.isEmpty() ? 0 : trials.getLast().number() + 1;
            Map<String, Object> params = proposer.propose(trials, number);
            long id = insertTrial(studyId, number, TrialState.RUNNING, params, -1,
                    rules.heartbeatTimeoutMillis() > 0 ? now : null, now);
            return Optional.of(new Trial(id, number, TrialState.RUNNING, params, List.of(), new TreeMap<>(),
                    -1, now, 0, ""));
        });
    }

    /** Trials that count against the budget: all but failures that were queued again. */
    private static long counted(List<Trial> trials) {
        Set<Integer> retried = new HashSet<>();
        trials.forEach(t -> {
            if (t.retryOf() >= 0) {
                retried.add(t.retryOf());
            }
        });
        return trials.stream().filter(t -> !retried.contains(t.number())).count();
    }

    private List<Trial> reapStale(long studyId, List<Trial> trials, AskRules rules, long now) throws SQLException {
        List<Long> stale = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM pylon_trials WHERE study_id = ?"
                + " AND state = 'RUNNING' AND heartbeat IS NOT NULL AND heartbeat < ?")) {
            select.setLong(1, studyId);
            select.setLong(2, now - rules.heartbeatTimeoutMillis());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stale.add(rows.getLong(1));
                }
            }
        }
        if (stale.isEmpty()) {
            return trials;
        }
        Map<Integer, Trial> byNumber = new HashMap<>();
        trials.forEach(t -> byNumber.put(t.number(), t));
        int next = trials.getLast().number() + 1;
        for (Trial t : trials) {
            if (!stale.contains(t.id())) {
                continue;
            }
            try (PreparedStatement fail = connection.prepareStatement("UPDATE pylon_trials SET state = 'FAIL', finished = ?"
                    + " WHERE id = ? AND state = 'RUNNING'")) {
                fail.setLong(1, now);
                fail.setLong(2, t.id());
                fail.executeUpdate();
            }
            int depth = 0;
            for (Trial at = t; at.retryOf() >= 0 && byNumber.containsKey(at.retryOf()); at = byNumber.get(at.retryOf())) {
                depth++;
            }
            if (depth < rules.maxRetries()) {
                insertTrial(studyId, next++, TrialState.WAITING, t.params(), t.number(), null, now);
            }
        }
        return selectTrials(studyId);
    }

    private long insertTrial(long studyId, int number, TrialState state, Map<String, Object> params, int retryOf,
            Long heartbeat, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pylon_trials (study_id, number, state,"
                + " params, vals, retry_of, heartbeat, started, finished, run_dir) VALUES (?, ?, ?, ?, '[]', ?, ?, ?, 0, '')"
                + " RETURNING id")) {
            insert.setLong(1, studyId);
            insert.setInt(2, number);
            insert.setString(3, state.name());
            insert.setString(4, Json.write(params));
            insert.setInt(5, retryOf);
            if (heartbeat == null) {
                insert.setNull(6, Types.BIGINT);
            } else {
                insert.setLong(6, heartbeat);
            }
            insert.setLong(7, now);
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    @Override
    public synchronized void report(long trialId, int step, double value) {
        inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO pylon_intermediate (trial_id, step,"
                    + " value) VALUES (?, ?, ?) ON CONFLICT (trial_id, step) DO UPDATE SET value = excluded.value")) {
                upsert.setLong(1, trialId);
                upsert.setInt(2, step);
                if (Double.isNaN(value)) {
                    upsert.setNull(3, Types.DOUBLE);
                } else {
                    upsert.setDouble(3, value);
                }
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void heartbeat(long trialId) {
        inTransaction(() -> {
            try (PreparedStatement beat = connection.prepareStatement(
                    "UPDATE pylon_trials SET heartbeat = ? WHERE id = ? AND state = 'RUNNING'")) {
                beat.setLong(1, System.currentTimeMillis());
                beat.setLong(2, trialId);
                beat.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void finish(long studyId, int number, TrialState state, List<Double> values) {
        if (!state.finished()) {
            throw new IllegalArgumentException("a trial finishes as complete, pruned or fail, not " + state);
        }
        String refusal = inTransaction(() -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE pylon_trials SET state = ?, vals = ?,"
                    + " finished = ? WHERE study_id = ? AND number = ? AND state = 'RUNNING'")) {
                update.setString(1, state.name());
                update.setString(2, Json.write(values));
                update.setLong(3, System.currentTimeMillis());
                update.setLong(4, studyId);
                update.setInt(5, number);
                if (update.executeUpdate() == 1) {
                    return "";
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT state FROM pylon_trials WHERE study_id = ? AND number = ?")) {
                select.setLong(1, studyId);
                select.setInt(2, number);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? "trial " + number + " is already " + row.getString(1).toLowerCase(Locale.ROOT)
                            + "; a trial is told once" : "the study has no trial " + number;
                }
            }
        });
        if (!refusal.isEmpty()) {
            throw new PylonUserException(refusal);
        }
    }

    @Override
    public synchronized void setRunDirectory(long trialId, String runDirectory) {
        inTransaction(() -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE pylon_trials SET run_dir = ? WHERE id = ?")) {
                update.setString(1, runDirectory);
                update.setLong(2, trialId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not close study storage " + url + ": " + e.getMessage(), e);
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction, again (after a short random pause) when the conflict is transient. */
    private <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                dialect.begin(connection);
                T result = work.run();
                dialect.commit(connection);
                return result;
            } catch (SQLException e) {
                rollbackQuietly();
                if (attempt >= MAX_ATTEMPTS || !dialect.retryable(e)) {
                    throw new IllegalStateException("study storage " + url + ": " + e.getMessage(), e);
                }
                pause(attempt);
            } catch (RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
        }
    }

    private void rollbackQuietly() {
        try {
            dialect.rollback(connection);
        } catch (SQLException ignored) {
            // the connection reports the first error; a failed rollback adds nothing to it
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the study storage", e);
        }
    }
}
