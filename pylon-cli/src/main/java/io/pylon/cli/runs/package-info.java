/** {@code pylon runs ...}: the run store from the terminal (list, show, compare, diff, export). */
package io.pylon.cli.runs;
