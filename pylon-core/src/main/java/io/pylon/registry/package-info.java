/** Name -> factory registries for every pluggable kind, filled by built-ins and {@code ServiceLoader}. */
package io.pylon.registry;
