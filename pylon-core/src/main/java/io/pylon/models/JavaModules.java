package io.pylon.models;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.bytedeco.pytorch.Module;

/**
 * The Java class of each submodule, by native address. Libtorch reports every module created from Java as
 * a generic {@code Module}, so the summary's types come from the model's Java fields instead: modules held
 * directly, in collections, in map values or in arrays.
 */
final class JavaModules {

    private JavaModules() {
    }

    static Map<Long, String> typesByAddress(Module root) {
        Map<Long, String> types = new HashMap<>();
        collect(root, types, Collections.newSetFromMap(new IdentityHashMap<>()));
        return types;
    }

    private static void collect(Object value, Map<Long, String> types, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Module module) {
            types.putIfAbsent(module.address(), simpleName(module.getClass()));
            fields(module, types, seen);
        } else if (value instanceof Iterable<?> items) {
            items.forEach(item -> collect(item, types, seen));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collect(item, types, seen));
        } else if (value instanceof Object[] array) {
            for (Object item : array) {
                collect(item, types, seen);
            }
        }
    }

    /** Fields declared by model classes; libtorch's own wrapper classes hold no submodules worth reading. */
    private static void fields(Module module, Map<Long, String> types, Set<Object> seen) {
        for (Class<?> c = module.getClass(); c != null && !c.getName().startsWith("org.bytedeco."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                // a field Java will not open leaves its modules to libtorch's generic name
                if (field.trySetAccessible()) {
                    collect(read(field, module), types, seen);
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("field " + field + " is accessible yet cannot be read", e);
        }
    }

    /** {@code LinearImpl} reads as {@code Linear}, the name PyTorch users know. */
    static String simpleName(Class<?> type) {
        String name = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        return stripImpl(name);
    }

    static String stripImpl(String name) {
        return name.endsWith("Impl") && name.length() > 4 ? name.substring(0, name.length() - 4) : name;
    }
}
