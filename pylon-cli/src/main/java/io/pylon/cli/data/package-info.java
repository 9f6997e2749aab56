/** {@code pylon data} sub-commands: packing datasets into {@code .pylonpack} files and describing such files. */
package io.pylon.cli.data;
