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

import io.pylon.config.ConfigException;
import io.pylon.config.YamlReader;
import io.pylon.criteria.Criteria;
import io.pylon.criteria.Mse;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Datasets;
import io.pylon.data.transform.Transforms;
import io.pylon.metrics.Metrics;
import io.pylon.models.Models;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.Components;
import io.pylon.registry.UnknownNameException;
import io.pylon.testing.TestComponents;
import io.pylon.trainer.callback.Callbacks;

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
    void aPluginAddsOneComponentOfEveryKindIncludingNewKinds() throws IOException {
        Components components;
        try (URLClassLoader loader = loaderDeclaring(RecordingPlugin.class.getName())) {
            components = StandardComponents.withPlugins(loader);
        }
        assertThat(components.names(Models.KIND)).contains("plugin_test_mlp", "mlp");
        assertThat(components.names(Criteria.KIND)).contains("plugin_test_loss", "combined");
        assertThat(components.names(Metrics.KIND)).contains("plugin_test_metric");
        assertThat(components.names(Callbacks.KIND)).contains("plugin_test_callback");
        assertThat(components.names(Datasets.KIND)).contains("plugin_test_data");
        assertThat(components.names(DatasetFormats.KIND)).contains("plugin_test_format", "csv");
        assertThat(components.names(Transforms.KIND)).contains("plugin_test_identity");
        ComponentBinder binder = new ComponentBinder(components);
        assertThat(binder.bind(RecordingPlugin.GREETING, YamlReader.readDocument("{name: plugin_test_greeting, text: hi}",
                "g.yaml"), "greeting").create(null)).isEqualTo("hi");
        // the built-in registry is untouched: nothing global changed
        assertThat(StandardComponents.builtIns().names(Models.KIND)).doesNotContain("plugin_test_mlp");
    }

    @Test
    void unknownNamesSuggestTheNearestAndListTheKnownOnes() {
        ComponentBinder binder = new ComponentBinder(StandardComponents.builtIns());
        assertThatThrownBy(() -> binder.bind(Transforms.KIND, YamlReader.readDocument("{name: identiy}", "t.yaml"), "t"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.keyPath()).isEqualTo("t.name"))
                .hasMessageContaining("t.yaml:1").hasMessageContaining("did you mean 'identity'?")
                .hasMessageContaining("flip");
    }

    @Test
    void compositeCriterionNamesCannotBeRegisteredAgain() {
        Components.Builder builder = Components.builder();
        StandardComponents.registerBuiltIns(builder);
        assertThatThrownBy(() -> builder.registerSimple(Criteria.KIND, "combined", Mse.class, p -> p))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("criterion 'combined' is registered twice");
    }

    @Test
    void aPluginThatCannotBeConstructedIsNamedWithItsSource() throws IOException {
        try (URLClassLoader loader = loaderDeclaring(ExplodingPlugin.class.getName())) {
            assertThatThrownBy(() -> StandardComponents.withPlugins(loader)).isInstanceOf(PluginLoadException.class)
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
            assertThatThrownBy(() -> StandardComponents.withPlugins(loader)).isInstanceOf(PluginLoadException.class)
                    .hasMessageContaining("plugin " + ExplodingPlugin.class.getName() + " from " + jar.toUri().getPath())
                    .hasMessageContaining("boom in constructor");
        }
    }

    @Test
    void aMissingPluginClassIsNamedWithItsSource() throws IOException {
        try (URLClassLoader loader = loaderDeclaring("io.pylon.plugin.NoSuchPlugin")) {
            assertThatThrownBy(() -> StandardComponents.withPlugins(loader)).isInstanceOf(PluginLoadException.class)
                    .hasMessageContaining("plugin io.pylon.plugin.NoSuchPlugin")
                    .hasMessageContaining(dir.toUri().getPath());
        }
    }

    @Test
    void aPluginCannotShadowABuiltIn() throws IOException {
        try (URLClassLoader loader = loaderDeclaring(ShadowingPlugin.class.getName())) {
            assertThatThrownBy(() -> StandardComponents.withPlugins(loader)).isInstanceOf(PluginLoadException.class)
                    .hasMessageContaining("plugin " + ShadowingPlugin.class.getName())
                    .hasMessageContaining("model 'mlp' is registered twice");
        }
    }

    @Test
    void unknownNamesStillListTheRegisteredOnes() {
        assertThatThrownBy(() -> TestComponents.modelParams("no_such_model")).isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("mlp").hasMessageContaining("cnn");
    }
}
