package io.pylon.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a config record component takes when its key is absent, written as YAML
 * ({@code "0.9"}, {@code "[32, 64]"}, {@code "cosine"}, {@code "null"} for an empty Optional).
 * A component without a default is required.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Default {
    String value();
}
