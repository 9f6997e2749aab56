package io.pylon.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnceLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsOnceWhenManyThreadsAskAtOnce() throws Exception {
        RecordingRegistrars recording = new RecordingRegistrars();
        try (URLClassLoader loader = PluginsTest.loaderDeclaring(dir, RecordingPlugin.class.getName())) {
            OnceLoader once = new OnceLoader(() -> loader, recording::registrars);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        once.loadOnce();
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> call : calls) {
                    call.get();
                }
            } finally {
                pool.shutdownNow();
            }
            once.loadOnce();
        }
        assertThat(recording.registered).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void aPluginLookingUpARegistryWhileLoadingDoesNotLoadAgain() throws IOException {
        RecordingRegistrars recording = new RecordingRegistrars();
        try (URLClassLoader loader = PluginsTest.loaderDeclaring(dir, RecordingPlugin.class.getName())) {
            AtomicReference<OnceLoader> once = new AtomicReference<>();
            recording.onModel = () -> once.get().loadOnce();
            once.set(new OnceLoader(() -> loader, recording::registrars));
            once.get().loadOnce();
        }
        assertThat(recording.registered).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void aFailureIsRethrownOnEveryLaterCall() throws IOException {
        try (URLClassLoader loader = PluginsTest.loaderDeclaring(dir, ExplodingPlugin.class.getName())) {
            OnceLoader once = new OnceLoader(() -> loader, () -> new RecordingRegistrars().registrars());
            Throwable first = catchThrowable(once::loadOnce);
            Throwable second = catchThrowable(once::loadOnce);

            assertThat(first).isInstanceOf(PluginLoadException.class)
                    .hasMessageContaining(ExplodingPlugin.class.getName());
            assertThat(second).isSameAs(first);
        }
    }
}
