/**
 * The command-line override grammar, kept apart from config loading because sweeps ({@code -m a=1,2})
 * and search spaces reuse it: {@code key.path=value} sets an existing key, {@code +key.path=value}
 * adds a new one, {@code ~key.path} deletes one, and {@code key.path=v1,v2} lists sweep choices.
 * Values are YAML flow values. This package only parses; {@code io.pylon.config} applies overrides.
 */
package io.pylon.config.override;
