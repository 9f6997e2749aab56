package io.pylon.cli;

import java.nio.file.Path;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

/** Copies every log line into a file while a run (or a launcher) lasts: a run's {@code train.log}, a launch's {@code launcher.log}. */
public final class RunLogging implements AutoCloseable {

    private final FileAppender<ILoggingEvent> appender;
    private final ch.qos.logback.classic.Logger root;

    private RunLogging(FileAppender<ILoggingEvent> appender, ch.qos.logback.classic.Logger root) {
        this.appender = appender;
        this.root = root;
    }

    public static RunLogging attach(Path logFile) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("run-log");
        appender.setFile(logFile.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return new RunLogging(appender, root);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
