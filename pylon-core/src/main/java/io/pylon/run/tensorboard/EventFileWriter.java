package io.pylon.run.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * Writes a TensorBoard event file {@code events.out.tfevents.<seconds>.<host>}: TFRecord-framed
 * {@code tensorflow.Event} messages (field numbers from tensorflow/core/util/event.proto and
 * summary.proto). Each event is flushed as written so a live TensorBoard sees it.
 */
public final class EventFileWriter implements AutoCloseable {

    // Event
    private static final int EVENT_WALL_TIME = 1;
    private static final int EVENT_STEP = 2;
    private static final int EVENT_FILE_VERSION = 3;
    private static final int EVENT_SUMMARY = 5;
    // Summary / Summary.Value
    private static final int SUMMARY_VALUE = 1;
    private static final int VALUE_TAG = 1;
    private static final int VALUE_SIMPLE = 2;
    private static final int VALUE_HISTO = 5;
    private static final int VALUE_TENSOR = 8;
    private static final int VALUE_METADATA = 9;
    // SummaryMetadata.PluginData, TensorProto
    private static final int METADATA_PLUGIN_DATA = 1;
    private static final int PLUGIN_NAME = 1;
    private static final int TENSOR_DTYPE = 1;
    private static final int TENSOR_SHAPE = 2;
    private static final int TENSOR_STRING_VAL = 8;
    private static final int DT_STRING = 7;

    private final Path file;
    private final OutputStream out;
    private final Clock clock;

    private EventFileWriter(Path file, OutputStream out, Clock clock) {
        this.file = file;
        this.out = out;
        this.clock = clock;
    }

    /** Creates a new event file in {@code directory} and writes its version header. */
    public static EventFileWriter create(Path directory, String host, Clock clock) {
        long seconds = clock.instant().getEpochSecond();
        Path file = directory.resolve("events.out.tfevents." + seconds + "." + host);
        for (int i = 1; Files.exists(file); i++) {
            file = directory.resolve("events.out.tfevents." + seconds + "." + host + "." + i);
        }
        try {
            EventFileWriter writer = new EventFileWriter(file, Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), clock);
            writer.write(writer.event(0).string(EVENT_FILE_VERSION, "brain.Event:2"));
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file + ": " + e.getMessage(), e);
        }
    }

    /** Continues an event file this writer created earlier (e.g. test metrics after fit closed it). */
    public static EventFileWriter reopen(Path file, Clock clock) {
        try {
            return new EventFileWriter(file, Files.newOutputStream(file, StandardOpenOption.APPEND), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reopen " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public void scalar(String tag, long step, double value) {
        ProtoWriter v = new ProtoWriter().string(VALUE_TAG, tag).fixedFloat(VALUE_SIMPLE, (float) value);
        write(event(step).message(EVENT_SUMMARY, new ProtoWriter().message(SUMMARY_VALUE, v)));
    }

    /** Text shown by TensorBoard's text plugin (rendered as Markdown there). */
    public void text(String tag, long step, String markdown) {
        ProtoWriter tensor = new ProtoWriter().varint(TENSOR_DTYPE, DT_STRING)
                .message(TENSOR_SHAPE, new ProtoWriter())
                .bytes(TENSOR_STRING_VAL, markdown.getBytes(StandardCharsets.UTF_8));
        ProtoWriter metadata = new ProtoWriter().message(METADATA_PLUGIN_DATA, new ProtoWriter().string(PLUGIN_NAME, "text"));
        ProtoWriter v = new ProtoWriter().string(VALUE_TAG, tag).message(VALUE_METADATA, metadata)
                .message(VALUE_TENSOR, tensor);
        write(event(step).message(EVENT_SUMMARY, new ProtoWriter().message(SUMMARY_VALUE, v)));
    }

    public void histogram(String tag, long step, Histogram histogram) {
        ProtoWriter v = new ProtoWriter().string(VALUE_TAG, tag).message(VALUE_HISTO, histogram.toProto());
        write(event(step).message(EVENT_SUMMARY, new ProtoWriter().message(SUMMARY_VALUE, v)));
    }

    private ProtoWriter event(long step) {
        double wallTime = clock.millis() / 1000.0;
        return new ProtoWriter().fixedDouble(EVENT_WALL_TIME, wallTime).varint(EVENT_STEP, step);
    }

    private void write(ProtoWriter event) {
        try {
            out.write(RecordFraming.frame(event.toByteArray()));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close " + file + ": " + e.getMessage(), e);
        }
    }
}
