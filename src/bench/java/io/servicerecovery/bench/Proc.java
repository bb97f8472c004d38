package io.servicerecovery.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What /proc tells about processes and the machine (Linux). */
final class Proc {

    /** Clock ticks per second of /proc/<pid>/stat times; 100 on Linux unless the kernel says otherwise. */
    static final long CLOCK_TICKS = 100;

    private Proc() {
    }

    /** A field of /proc/<pid>/status in kB (VmRSS, VmHWM), or -1. */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone or not Linux
        }
        return -1;
    }

    /** Whether the process mapped this file (the AppCDS archive: a JVM that cannot use it starts without it, silently). */
    static boolean maps(long pid, Path file) throws IOException {
        String name = file.toAbsolutePath().normalize().toString();
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps")).stream().anyMatch(l -> l.endsWith(name));
    }

    /** User + system CPU time of a process in milliseconds, or -1. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of every process whose command is {@code postgres} (all databases, not only the benchmark's). */
    static long postgresCpuMillis() {
        long total = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("postgres")) {
                        long ms = cpuMillis(Long.parseLong(name));
                        if (ms > 0) {
                            total += ms;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // gone
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** Busy CPU time of the whole machine (all processes, every core) in milliseconds, from /proc/stat. */
    static long machineBusyMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return (total - idle) * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of this JVM in milliseconds. */
    static long ownCpuMillis() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstValue("/proc/cpuinfo", "model name"));
        long memKb = meminfo("MemTotal");
        m.put("memoryGiB", memKb < 0 ? null : Math.round(memKb / 1024.0 / 1024.0 * 10) / 10.0);
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("loadAverageAtStart", loadAverage());
        return m;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return null;
        }
    }

    private static long meminfo(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    private static String firstValue(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return null;
    }
}
