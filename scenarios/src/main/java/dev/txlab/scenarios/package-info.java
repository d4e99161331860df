/**
 * Failure-injection scenarios: the fault catalog, random schedules, the isolation probe and the
 * scenario runner. Not built yet: see the scenarios issue.
 */
package dev.txlab.scenarios;
