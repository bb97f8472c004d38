package io.servicerecovery.chaos;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The replicas that clients may call right now (as a load balancer would see them), and when a call last succeeded. */
final class Fleet {

    private final List<ServiceInstance> live = new CopyOnWriteArrayList<>();
    /** Epoch millis of the latest 2xx answer any client got: how the run sees that the service works again. */
    final AtomicLong lastSuccessMillis = new AtomicLong();

    void add(ServiceInstance instance) {
        live.add(instance);
    }

    void remove(ServiceInstance instance) {
        live.remove(instance);
    }

    ServiceInstance pick() {
        List<ServiceInstance> now = List.copyOf(live);
        return now.get(ThreadLocalRandom.current().nextInt(now.size()));
    }

    /** Epoch millis of the first success after {@code sinceMillis}, waiting up to the timeout; -1 if none. */
    long firstSuccessAfter(long sinceMillis, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            long last = lastSuccessMillis.get();
            if (last > sinceMillis) {
                return last;
            }
            Thread.sleep(50);
        }
        return -1;
    }
}
