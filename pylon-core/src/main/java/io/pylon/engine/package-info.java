/**
 * libtorch start-up and the native-memory discipline: the only package that touches JavaCPP loading.
 *
 * <p>{@link io.pylon.engine.Engine#start} extracts every native library before the first load (a cold
 * JavaCPP cache otherwise crashes libtorch's static initialisation), pins OpenBLAS to one thread
 * (libtorch's OpenMP pool does the parallel work) and sets libtorch's intra-op thread count.
 */
package io.pylon.engine;
