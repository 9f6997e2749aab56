package io.pylon.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.criteria.Criteria;
import io.pylon.criteria.Mse;
import io.pylon.data.transform.Identity;
import io.pylon.data.transform.Transforms;
import io.pylon.models.Models;
import io.pylon.registry.UnknownNameException;

class PluginsTest {

    @TempDir
    Path dir;

    /** A class loader seeing the test classes plus a service file listing {@code providers}. */
    private URLClassLoader loaderDeclaring(String... providers) throws IOException {
        return loaderDeclaring(dir, providers);
    }

    static URLClassLoader loaderDeclaring(Path dir, String... providers) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(PylonPlugin.class.getName()),
                "# test plugins\n" + String.join("\n", providers) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, PluginsTest.class.getClassLoader());
    }

    @Test
    void aPluginAddsOneComponentOfEveryKind() throws IOException {
        RecordingRegistrars recording = new RecordingRegistrars();
        try (URLClassLoader loader = loaderDeclaring(RecordingPlugin.class.getName())) {
            assertThat(Plugins.load(loader, recording.registrars())).containsExactly(RecordingPlugin.class.getName());
        }
        assertThat(recording.registered).containsExactly("model:plugin_test_mlp", "criterion:plugin_test_loss",
                "metric:plugin_test_metric", "callback:plugin_test_callback", "dataset:plugin_test_data",
                "transform:plugin_test_identity");
    }

    @Test
    void transformsRegisterAndBindLikeTheOtherKinds() {
        Transforms.register("plugin_test_transform", Identity.class, p -> p);

        assertThat(Transforms.names()).contains("plugin_test_transform", "identity");
        assertThat(Transforms.create("plugin_test_transform", MapNode.empty(Origin.described("test")), "t"))
                .isEqualTo(new Identity());
        assertThatThrownBy(() -> Transforms.create("nope", MapNode.empty(Origin.described("test")), "t"))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining("identity").hasMessageContaining("plugin_test_transform");
    }

    @Test
    void compositeCriterionNamesAreReserved() {
        assertThatThrownBy(() -> Criteria.register("combined", Mse.class, p -> p))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("composite");
    }

    @Test
    void aPluginThatCannotBeConstructedIsNamedWithItsSource() throws IOException {
        try (URLClassLoader loader = loaderDeclaring(ExplodingPlugin.class.getName())) {
            assertThatThrownBy(() -> Plugins.load(loader, Registrars.global())).isInstanceOf(PluginLoadException.class)
                    .hasMessageContaining("plugin " + ExplodingPlugin.class.getName())
                    .hasMessageContaining(dir.toUri().getPath());
        }
    }

    @Test
    void aFailingPluginInAJarIsNamedWithTheJar() throws IOException {
        Path jar = dir.resolve("broken-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(ProviderSources.SERVICE_FILE));
            out.write((ExplodingPlugin.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                PluginsTest.class.getClassLoader())) {
            assertThatThrownBy(() -> Plugins.load(loader, Registrars.global())).isInstanceOf(PluginLoadException.class)
                    .hasMessageContaining("plugin " + ExplodingPlugin.class.getName() + " from " + jar.toUri().getPath())
                    .hasMessageContaining("boom in constructor");
        }
    }

    @Test
    void aMissingPluginClassIsNamedWithItsSource() throws IOException {
        try (URLClassLoader loader = loaderDeclaring("io.pylon.plugin.NoSuchPlugin")) {
            assertThatThrownBy(() -> Plugins.load(loader, Registrars.global())).isInstanceOf(PluginLoadException.class)
                    .hasMessageContaining("plugin io.pylon.plugin.NoSuchPlugin")
                    .hasMessageContaining(dir.toUri().getPath());
        }
    }

    @Test
    void aPluginCannotShadowABuiltIn() throws IOException {
        try (URLClassLoader loader = loaderDeclaring(ShadowingPlugin.class.getName())) {
            assertThatThrownBy(() -> Plugins.load(loader, Registrars.global())).isInstanceOf(PluginLoadException.class)
                    .hasMessageContaining("plugin " + ShadowingPlugin.class.getName())
                    .hasMessageContaining("model 'mlp' is registered twice");
        }
    }

    @Test
    void unknownNamesStillListTheRegisteredOnes() {
        assertThatThrownBy(() -> Models.paramsType("no_such_model")).isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("mlp").hasMessageContaining("cnn");
    }
}
