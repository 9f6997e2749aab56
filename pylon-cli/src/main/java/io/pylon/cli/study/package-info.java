/**
 * {@code pylon study ask|tell|best|trials|export}: the study storage and samplers of {@code pylon tune}
 * used from any program through the command line, JSON in and out (like Optuna's CLI).
 */
package io.pylon.cli.study;
