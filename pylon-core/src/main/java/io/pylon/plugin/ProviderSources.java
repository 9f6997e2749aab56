package io.pylon.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which jar or folder declares each plugin class, read from the service files themselves. A class that
 * fails to load has no code source to ask, yet the error must still say which jar to look at.
 */
final class ProviderSources {

    static final String SERVICE_FILE = "META-INF/services/" + PylonPlugin.class.getName();

    private final Map<String, String> sourceByClass;

    private ProviderSources(Map<String, String> sourceByClass) {
        this.sourceByClass = sourceByClass;
    }

    static ProviderSources scan(ClassLoader loader) {
        Map<String, String> sources = new LinkedHashMap<>();
        try {
            Enumeration<URL> files = loader.getResources(SERVICE_FILE);
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                String source = sourceOf(file);
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        String name = stripComment(line);
                        if (!name.isEmpty()) {
                            sources.putIfAbsent(name, source);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + SERVICE_FILE + " files", e);
        }
        return new ProviderSources(sources);
    }

    /** The jar or folder declaring {@code className}, or a note that none does. */
    String sourceOf(String className) {
        return sourceByClass.getOrDefault(className, "(no " + SERVICE_FILE + " lists it)");
    }

    /** Every declared plugin class with its source, for errors that cannot name one class. */
    Map<String, String> all() {
        return Map.copyOf(sourceByClass);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    private static String sourceOf(URL serviceFile) {
        if ("jar".equals(serviceFile.getProtocol())) {
            try {
                return ((JarURLConnection) serviceFile.openConnection()).getJarFileURL().getPath();
            } catch (IOException e) {
                return serviceFile.toString();
            }
        }
        String text = serviceFile.toString();
        return text.endsWith(SERVICE_FILE) ? text.substring(0, text.length() - SERVICE_FILE.length()) : text;
    }
}
