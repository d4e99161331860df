/**
 * The {@code txlab} command line: {@code run} (seed, run, audit, print), {@code audit} (check a run
 * found by its placement flags alone). Bad input is one clear line and exit code 2.
 */
package dev.txlab.cli;
