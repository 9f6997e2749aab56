package io.pylon.data.sampler;

/**
 * The share of one distributed rank: the inner sampler's order, padded by repeating its head so that it
 * divides evenly (every rank runs the same number of steps), then every {@code shards}-th index starting at
 * {@code shard}. The ranks together cover every index of the epoch; ranks see disjoint indices except for
 * the padding. {@code dropUneven} drops the tail instead of padding.
 *
 * @param inner the order all ranks share (same seed on every rank)
 * @param shard this rank, {@code 0 <= shard < shards}
 * @param shards number of ranks
 * @param dropUneven drop the last {@code length % shards} indices instead of padding
 */
public record ShardedSampler(Sampler inner, int shard, int shards, boolean dropUneven) implements Sampler {

    public ShardedSampler {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard must be in [0, " + shards + "), got " + shard + " of " + shards);
        }
        if (inner instanceof ShardedSampler) {
            throw new IllegalArgumentException("a sharded sampler cannot shard another sharded sampler");
        }
    }

    @Override
    public long length() {
        long n = inner.length();
        return dropUneven ? n / shards : (n + shards - 1) / shards;
    }

    @Override
    public long[] indices(int epoch) {
        long[] all = inner.indices(epoch);
        long[] mine = new long[(int) length()];
        for (int k = 0; k < mine.length; k++) {
            long position = (long) k * shards + shard;
            mine[k] = all[(int) (position % all.length)];
        }
        return mine;
    }
}
