/**
 * The threaded loader: worker threads that read, transform and collate batches into pooled native
 * buffers, with bounded prefetch, in-order delivery and a bad-sample policy.
 */
package io.pylon.data.loader;
