/**
 * The seeded workload: the initial data (customers, accounts, products) and the orders, with Zipf
 * skew over products and a rate for each business refusal. The same specification yields the same
 * data and the same orders in the same order; order {@code i} is a pure function of the seed and i.
 */
package dev.txlab.harness.workload;
