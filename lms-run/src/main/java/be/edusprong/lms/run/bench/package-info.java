/**
 * The delivery benchmark (issue 3, point 10): N simulated learners take one assessment through the
 * delivery API ({@code docs/delivery-api.md}) against a running platform, while the benchmark
 * measures acknowledged saves per second, save, start and submit latencies and errors, checks in
 * the database that no acknowledged save was lost, and measures the raw MariaDB single-row upsert
 * ceiling on the same database for comparison.
 *
 * <p>Run with {@code mvn -B -ntp -Pbench -DskipTests verify -Dbench.learners=500
 * -Dbench.mode=think} (see {@code BENCHMARKS.md}). The figures go in {@code BENCHMARKS.md}, never
 * in a timed unit test: they depend on the machine.
 */
package be.edusprong.lms.run.bench;
