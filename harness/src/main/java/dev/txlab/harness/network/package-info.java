/** The simulated network: a one-way delay added at the decorator points, measured as achieved. */
package dev.txlab.harness.network;
