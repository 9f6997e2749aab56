/**
 * The Pylon packed format ({@code .pylonpack}): fixed-size records of one input array and an optional
 * target array, memory-mapped so that a sample is a view into the page cache rather than a decoded heap
 * copy. The package owns the format (header, layout, checksum; see {@code docs/data/packed.md}), its
 * writer, the mapped {@link io.pylon.data.Dataset}, packing of other datasets, and the {@code packed}
 * entry of {@link io.pylon.data.DatasetFormats}.
 */
package io.pylon.data.packed;
