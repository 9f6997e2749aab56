package io.pylon.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Binds config nodes to typed values: records (snake_case keys to camelCase components), scalars,
 * enums, lists, maps, optionals and raw nodes. Every mistake is a {@link ConfigException} at the
 * offending value's origin and key path, saying what is allowed.
 */
public final class Binder {

    private Binder() {
    }

    /** Binds a map node to record {@code type}; {@code keyPath} names the node in messages. */
    public static <R extends Record> R bind(ConfigNode node, String keyPath, Class<R> type) {
        return type.cast(bindValue(node, keyPath, type));
    }

    /**
     * Binds {@code node} to {@code type}, which may be generic ({@code List<Integer>}). A YAML null binds
     * only to an empty optional, a raw {@link ConfigNode}, or a record (as an empty map, so that
     * {@code schedule:} with nothing under it takes the record's defaults).
     */
    @SuppressWarnings("unchecked")
    public static <T> T bindValue(ConfigNode node, String keyPath, Type type) {
        return (T) convert(node, keyPath, type);
    }

    static Object convert(ConfigNode node, String keyPath, Type type) {
        Class<?> raw = rawClass(type);
        if (ConfigNode.class.isAssignableFrom(raw)) {
            return rawNode(node, keyPath, raw);
        }
        if (raw == Optional.class) {
            return isNull(node) ? Optional.empty() : Optional.of(convert(node, keyPath, typeArgument(type, 0)));
        }
        if (raw == OptionalInt.class) {
            return isNull(node) ? OptionalInt.empty() : OptionalInt.of((Integer) convert(node, keyPath, int.class));
        }
        if (raw == OptionalLong.class) {
            return isNull(node) ? OptionalLong.empty() : OptionalLong.of((Long) convert(node, keyPath, long.class));
        }
        if (raw == OptionalDouble.class) {
            return isNull(node) ? OptionalDouble.empty()
                    : OptionalDouble.of((Double) convert(node, keyPath, double.class));
        }
        if (raw.isRecord()) {
            MapNode map = isNull(node) ? MapNode.empty(node.origin()) : requireMap(node, keyPath, type);
            return RecordBinder.bindRecord(map, keyPath, raw.asSubclass(Record.class));
        }
        if (raw == List.class) {
            return bindList(node, keyPath, type);
        }
        if (raw == Map.class) {
            return bindMap(node, keyPath, type);
        }
        if (!ScalarConversions.supports(raw)) {
            throw new IllegalArgumentException("config values cannot have type " + type.getTypeName()
                    + " (at " + keyPath + ")");
        }
        if (node instanceof ScalarNode scalar && !scalar.isNull()) {
            return ScalarConversions.convert(scalar, keyPath, raw);
        }
        throw wrongType(node, keyPath, type);
    }

    private static Object rawNode(ConfigNode node, String keyPath, Class<?> raw) {
        if (raw.isInstance(node)) {
            return node;
        }
        throw wrongType(node, keyPath, raw);
    }

    private static List<Object> bindList(ConfigNode node, String keyPath, Type type) {
        if (!(node instanceof ListNode list)) {
            throw wrongType(node, keyPath, type);
        }
        Type itemType = typeArgument(type, 0);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            items.add(convert(list.items().get(i), Navigation.child(keyPath, Integer.toString(i)), itemType));
        }
        return Collections.unmodifiableList(items);
    }

    private static Map<String, Object> bindMap(ConfigNode node, String keyPath, Type type) {
        if (typeArgument(type, 0) != String.class) {
            throw new IllegalArgumentException("config maps have String keys, not " + type.getTypeName());
        }
        MapNode map = requireMap(node, keyPath, type);
        Type valueType = typeArgument(type, 1);
        Map<String, Object> values = new LinkedHashMap<>();
        map.entries().forEach((key, value) -> values.put(key, convert(value, Navigation.child(keyPath, key), valueType)));
        return Collections.unmodifiableMap(values);
    }

    private static MapNode requireMap(ConfigNode node, String keyPath, Type type) {
        if (node instanceof MapNode map) {
            return map;
        }
        throw wrongType(node, keyPath, type);
    }

    private static boolean isNull(ConfigNode node) {
        return node instanceof ScalarNode scalar && scalar.isNull();
    }

    static ConfigException wrongType(ConfigNode node, String keyPath, Type type) {
        return new ConfigException(node.origin(), keyPath,
                "expected " + TypeDescriptions.describe(type) + ", got " + TypeDescriptions.show(node));
    }

    static Class<?> rawClass(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            case WildcardType w -> rawClass(w.getUpperBounds()[0]);
            default -> throw new IllegalArgumentException("config values cannot have type " + type.getTypeName());
        };
    }

    static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            Type argument = p.getActualTypeArguments()[index];
            return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
        }
        throw new IllegalArgumentException(type.getTypeName() + " needs type arguments to be bound from config");
    }
}
