/**
 * Grid geometry shared by losses and metrics, pure Java: the exact (signed) Euclidean distance transform
 * behind the Boundary loss and the HD95/ASSD surface-distance metrics.
 */
package io.pylon.geometry;
