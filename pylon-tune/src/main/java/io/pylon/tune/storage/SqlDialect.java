package io.pylon.tune.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What differs between the two databases a study can live in. */
enum SqlDialect {

    /**
     * One file for many processes on one machine: WAL so readers never block the writer, write transactions
     * that take the lock when they begin (no deadlock upgrading a read), a busy timeout plus retries.
     */
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT") {
        @Override
        void lockStudy(Connection connection, long studyId) {
            // BEGIN IMMEDIATE already holds the database's one write lock
        }

        @Override
        void lockSchema(Connection connection) {
        }

        // explicit BEGIN IMMEDIATE in autocommit mode: if it fails nothing has started, so a retry is clean
        @Override
        void begin(Connection connection) throws SQLException {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
        }

        @Override
        void commit(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                return;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException e) {
                String message = String.valueOf(e.getMessage());
                if (!message.contains("no transaction is active")) {
                    throw e;
                }
            }
        }

        @Override
        boolean retryable(SQLException e) {
            String message = String.valueOf(e.getMessage());
            return e.getErrorCode() == 5 || e.getErrorCode() == 6 || message.contains("SQLITE_BUSY")
                    || message.contains("database is locked");
        }
    },

    /**
     * A server shared by several machines: asks on one study are serialised by locking its row, schema
     * creation by an advisory lock.
     */
    POSTGRESQL("BIGSERIAL PRIMARY KEY") {
        @Override
        void lockStudy(Connection connection, long studyId) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT id FROM pylon_studies WHERE id = " + studyId + " FOR UPDATE");
            }
        }

        @Override
        void lockSchema(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(724511)");
            }
        }

        @Override
        boolean retryable(SQLException e) {
            String state = String.valueOf(e.getSQLState());
            // serialization failure, deadlock, unique violation of a concurrent insert
            return state.equals("40001") || state.equals("40P01") || state.equals("23505");
        }
    };

    private final String primaryKey;

    SqlDialect(String primaryKey) {
        this.primaryKey = primaryKey;
    }

    String primaryKey() {
        return primaryKey;
    }

    /** Starts a transaction (PostgreSQL: autocommit is off, so the next statement does). */
    void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    void commit(Connection connection) throws SQLException {
        connection.commit();
    }

    void rollback(Connection connection) throws SQLException {
        connection.rollback();
    }

    abstract void lockStudy(Connection connection, long studyId) throws SQLException;

    abstract void lockSchema(Connection connection) throws SQLException;

    /** Whether the transaction that failed with {@code e} may simply be run again. */
    abstract boolean retryable(SQLException e);
}
