package io.servicerecovery.bench;

/**
 * The JVM settings the container image (src/main/docker/Dockerfile.jvm) and the Helm chart (jvm.extraOpts) give
 * the service, with the heap the chart's default limit leads to: a 256 MiB heap, smaller thread stacks, a capped
 * metaspace and code cache, the serial collector, the C1 compiler only (docs/performance.md, issue 19). The
 * benchmark and the fault-injection run start the service with them, so both measure what is shipped.
 */
public final class ContainerJvm {

    /** Everything but the heap, which the chart derives from the pod's memory limit. */
    public static final String OPTIONS =
            "-Xss512k -XX:+UseSerialGC -XX:MetaspaceSize=64m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1";

    /** The heap of the chart's default pod: 25 % of 1 GiB. */
    public static final String HEAP = "-Xmx256m";

    private ContainerJvm() {
    }
}
