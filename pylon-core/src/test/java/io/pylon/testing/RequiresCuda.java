package io.pylon.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code gpu} test group: tests that need a CUDA device. Run them alone with
 * {@code ./mvnw -pl pylon-core -am test -Dgroups=gpu -Dsurefire.failIfNoSpecifiedTests=false}; elsewhere they
 * are skipped and the reason is printed ({@link CudaCondition}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("gpu")
@ExtendWith(CudaCondition.class)
public @interface RequiresCuda {
}
