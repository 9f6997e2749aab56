package io.pylon.trainer.strategy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.AllreduceOptions;
import org.bytedeco.pytorch.GlooDeviceVector;
import org.bytedeco.pytorch.ProcessGroupGloo;
import org.bytedeco.pytorch.TCPStore;
import org.bytedeco.pytorch.TCPStoreOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.Work;

import io.pylon.PylonUserException;

/**
 * A c10d process group: rendezvous through a {@link TCPStore} hosted by rank 0, collectives through
 * libtorch's {@link ProcessGroupGloo} (CPU tensors). Every collective has a timeout, so a rank that
 * died or hangs makes the others fail with a {@link DistributedException} instead of waiting forever.
 */
public final class ProcessGroup implements AutoCloseable {

    private final DistributedEnv env;
    private final Duration timeout;
    private final TCPStore store;
    private final ProcessGroupGloo gloo;

    private ProcessGroup(DistributedEnv env, Duration timeout, TCPStore store, ProcessGroupGloo gloo) {
        this.env = env;
        this.timeout = timeout;
        this.store = store;
        this.gloo = gloo;
    }

    /** Joins the job: rank 0 opens the store (refusing a port in use), the others connect to it. */
    public static ProcessGroup join(DistributedEnv env, Duration timeout) {
        if (env.rank() == 0) {
            requirePortFree(env);
        }
        Milliseconds millis = new Milliseconds(timeout.toMillis());
        TCPStoreOptions options = new TCPStoreOptions().port((short) env.masterPort()).isServer(env.rank() == 0)
                .waitWorkers(false).timeout(millis);
        TCPStore store;
        try {
            store = new TCPStore(env.masterAddr(), options);
        } catch (RuntimeException e) {
            throw new DistributedException("rank " + env.rank() + ": no rendezvous with rank 0 at " + env.masterAddr()
                    + ":" + env.masterPort() + " within " + timeout.toSeconds() + " s (" + e.getMessage() + ")", e);
        }
        ProcessGroupGloo.Options glooOptions = ProcessGroupGloo.Options.create(millis);
        glooOptions.devices(new GlooDeviceVector(ProcessGroupGloo.createDeviceForHostname(loopbackOr(env.masterAddr()))));
        ProcessGroupGloo gloo;
        try {
            gloo = new ProcessGroupGloo(store, env.rank(), env.worldSize(), glooOptions);
        } catch (RuntimeException e) {
            throw new DistributedException("rank " + env.rank() + ": the Gloo group of " + env.worldSize()
                    + " did not form within " + timeout.toSeconds() + " s; missing ranks "
                    + "(not started or dead): " + e.getMessage(), e);
        }
        return new ProcessGroup(env, timeout, store, gloo);
    }

    public DistributedEnv env() {
        return env;
    }

    /** Sums {@code tensor} over all ranks in place. */
    public void allReduceSum(Tensor tensor) {
        TensorVector tensors = new TensorVector(tensor);
        Work work = gloo.allreduce(tensors, new AllreduceOptions());
        await(work, "all-reduce");
    }

    /** Waits until every rank got here. */
    public void barrier() {
        await(gloo.barrier(), "barrier");
    }

    private void await(Work work, String what) {
        try {
            if (!work._wait(new Milliseconds(timeout.toMillis()))) {
                throw new DistributedException(failure(what, "timed out after " + timeout.toSeconds() + " s"), null);
            }
        } catch (RuntimeException e) {
            if (e instanceof DistributedException) {
                throw e;
            }
            throw new DistributedException(failure(what, e.getMessage()), e);
        }
    }

    private String failure(String what, String detail) {
        String others = IntStream.range(0, env.worldSize()).filter(r -> r != env.rank()).mapToObj(String::valueOf)
                .collect(Collectors.joining(", "));
        return "rank " + env.rank() + " of " + env.worldSize() + ": " + what + " failed (" + detail + "); rank(s) "
                + others + " died, hung or cannot be reached";
    }

    private static String loopbackOr(String address) {
        return address.equals("localhost") ? "127.0.0.1" : address;
    }

    private static void requirePortFree(DistributedEnv env) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(env.masterPort()));
        } catch (IOException e) {
            throw new PylonUserException("port " + env.masterPort() + " is in use: choose a free MASTER_PORT for the"
                    + " rendezvous of rank 0 (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        gloo.close();
        store.close();
    }
}
