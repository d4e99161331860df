/**
 * The report, rendered from results alone (it runs nothing): the answer table, the charts (SVG),
 * the guarantees and fault sections, the method, as HTML, Markdown, CSV and the results JSON it is
 * rebuilt from.
 */
package dev.txlab.report;
