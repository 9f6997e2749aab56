/** The {@code pylon} command: one class per sub-command; user mistakes print a message, not a stack trace. */
package io.pylon.cli;
