package io.pylon.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Binds a map to a record through its canonical constructor, so that the record's compact
 * constructor validates the values and its {@link InvalidValueException}s can be reported at the line
 * of the offending key.
 */
final class RecordBinder {

    private RecordBinder() {
    }

    /** The YAML key of a record component: {@code maxEpochs} is written {@code max_epochs}. */
    static String yamlKey(String componentName) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < componentName.length(); i++) {
            char c = componentName.charAt(i);
            if (Character.isUpperCase(c)) {
                key.append('_').append(Character.toLowerCase(c));
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    static <R extends Record> R bindRecord(MapNode map, String keyPath, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> keys = Arrays.stream(components).map(c -> yamlKey(c.getName())).toList();
        rejectUnknownKeys(map, keyPath, keys);
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = bindComponent(map, keyPath, type, components[i], keys.get(i));
        }
        return construct(map, keyPath, type, components, arguments);
    }

    private static void rejectUnknownKeys(MapNode map, String keyPath, List<String> keys) {
        map.entries().forEach((key, value) -> {
            if (!keys.contains(key)) {
                throw new ConfigException(value.origin(), Navigation.child(keyPath, key), "unknown key"
                        + Suggestions.didYouMean(key, keys) + " (valid keys: " + String.join(", ", keys) + ")");
            }
        });
    }

    private static Object bindComponent(MapNode map, String keyPath, Class<?> type, RecordComponent component,
                                        String key) {
        String path = Navigation.child(keyPath, key);
        Optional<ConfigNode> value = map.get(key);
        if (value.isPresent()) {
            return Binder.convert(value.get(), path, component.getGenericType());
        }
        Default fallback = component.getAnnotation(Default.class);
        if (fallback != null) {
            Origin origin = Origin.described("@Default(\"" + fallback.value() + "\") of "
                    + type.getSimpleName() + "." + component.getName());
            return Binder.convert(YamlReader.readValue(fallback.value(), origin), path, component.getGenericType());
        }
        Class<?> raw = component.getType();
        if (raw == Optional.class || raw == OptionalInt.class || raw == OptionalLong.class
                || raw == OptionalDouble.class) {
            return Binder.convert(new ScalarNode(null, map.origin()), path, component.getGenericType());
        }
        throw new ConfigException(map.origin(), path, "missing required value (allowed: "
                + TypeDescriptions.describe(component.getGenericType()) + ")");
    }

    private static <R extends Record> R construct(MapNode map, String keyPath, Class<R> type,
                                                  RecordComponent[] components, Object[] arguments) {
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor(parameterTypes);
            // Config records are often nested, non-public types of the package that binds them.
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw translate(e.getCause(), map, keyPath, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct config record " + type.getName(), e);
        }
    }

    private static RuntimeException translate(Throwable cause, MapNode map, String keyPath, Class<?> type) {
        if (cause instanceof InvalidValueException invalid) {
            List<String> relative = Navigation.split(invalid.key());
            ConfigNode at = Navigation.find(map, relative).orElse(map);
            String path = keyPath;
            for (String segment : relative) {
                path = Navigation.child(path, segment);
            }
            return new ConfigException(at.origin(), path, invalid.getMessage(), invalid);
        }
        if (cause instanceof IllegalArgumentException invalid) {
            return new ConfigException(map.origin(), keyPath, invalid.getMessage(), invalid);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("constructor of " + type.getName() + " failed", cause);
    }
}
