/** Search-quality benchmark of the samplers on standard test functions ({@code pylon bench tune}). */
package io.pylon.tune.bench;
