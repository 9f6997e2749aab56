package io.pylon.tune.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import io.pylon.PylonUserException;

/**
 * Opens study storage from a URL: {@code sqlite:PATH} (or a path ending in {@code .db}) for a file on this
 * machine, {@code postgresql://[user[:password]@]host[:port]/database} (or its {@code jdbc:} form) for a
 * server. A URL that cannot be opened is a {@link PylonUserException} saying why.
 */
public final class StorageUrl {

    private StorageUrl() {
    }

    public static StudyStorage open(String url) {
        String text = url.strip();
        try {
            if (text.startsWith("sqlite:") || text.startsWith("jdbc:sqlite:") || text.endsWith(".db")) {
                return openSqlite(sqlitePath(text), url);
            }
            if (text.startsWith("postgresql://") || text.startsWith("postgres://") || text.startsWith("jdbc:postgresql:")) {
                return openPostgres(text, url);
            }
        } catch (SQLException e) {
            throw new PylonUserException("cannot open study storage '" + url + "': " + e.getMessage()
                    + " (check the URL, that the server runs and that you may write there)", e);
        }
        throw new PylonUserException("unknown study storage URL '" + url + "': use sqlite:PATH (one machine) or"
                + " postgresql://user@host:port/database (shared)");
    }

    private static Path sqlitePath(String text) {
        String path = text.startsWith("jdbc:sqlite:") ? text.substring("jdbc:sqlite:".length())
                : text.startsWith("sqlite:") ? text.substring("sqlite:".length()) : text;
        if (path.startsWith("///")) {
            path = path.substring(2);
        } else if (path.startsWith("//")) {
            path = path.substring(2);
        }
        if (path.isBlank()) {
            throw new PylonUserException("study storage 'sqlite:' names no file: use sqlite:PATH, e.g. sqlite:runs/studies.db");
        }
        return Path.of(path);
    }

    private static StudyStorage openSqlite(Path file, String url) throws SQLException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new PylonUserException("cannot open study storage '" + url + "': cannot create folder " + parent
                    + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(file)) {
            throw new PylonUserException("cannot open study storage '" + url + "': " + file + " is a folder; name a file");
        }
        Properties properties = new Properties();
        properties.setProperty("journal_mode", "WAL");
        properties.setProperty("busy_timeout", "30000");
        properties.setProperty("synchronous", "NORMAL");
        properties.setProperty("foreign_keys", "true");
        // switching a new file to WAL takes the write lock before busy_timeout applies: retry a busy open
        for (int attempt = 1; ; attempt++) {
            Connection connection = null;
            try {
                connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
                return JdbcStudyStorage.start(connection, SqlDialect.SQLITE, url);
            } catch (SQLException | IllegalStateException e) {
                if (connection != null) {
                    connection.close();
                }
                SQLException cause = e instanceof SQLException sql ? sql
                        : e.getCause() instanceof SQLException sql ? sql : null;
                if (cause == null || !SqlDialect.SQLITE.retryable(cause) || attempt >= 100) {
                    throw e;
                }
            }
            try {
                Thread.sleep(20L + ThreadLocalRandom.current().nextLong(80));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while opening " + file, e);
            }
        }
    }

    private static StudyStorage openPostgres(String text, String url) throws SQLException {
        String jdbc = text.startsWith("jdbc:") ? text : "jdbc:" + text.replaceFirst("^postgres://", "postgresql://");
        Properties properties = new Properties();
        // user:password@ is not JDBC syntax; move it into properties
        int at = jdbc.indexOf('@');
        int hostStart = "jdbc:postgresql://".length();
        if (at > hostStart && jdbc.startsWith("jdbc:postgresql://")) {
            String credentials = jdbc.substring(hostStart, at);
            int colon = credentials.indexOf(':');
            properties.setProperty("user", colon < 0 ? credentials : credentials.substring(0, colon));
            if (colon >= 0) {
                properties.setProperty("password", credentials.substring(colon + 1));
            }
            jdbc = "jdbc:postgresql://" + jdbc.substring(at + 1);
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "120");
        properties.setProperty("ApplicationName", "pylon-tune");
        return JdbcStudyStorage.start(DriverManager.getConnection(jdbc, properties), SqlDialect.POSTGRESQL, url);
    }
}
