/** JMH benchmarks, run from the shaded {@code benchmarks/target/benchmarks.jar} with the usual JMH flags. */
package dev.txlab.bench;
