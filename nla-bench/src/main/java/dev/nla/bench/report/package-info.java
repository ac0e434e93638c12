/**
 * Writers for the files an experiment or a benchmark run produces: typed tables ({@link
 * dev.nla.bench.report.Table}) saved as CSV ({@link dev.nla.bench.report.CsvWriter}) or rendered as
 * Markdown ({@link dev.nla.bench.report.Markdown}), Markdown reports ({@link
 * dev.nla.bench.report.MarkdownReport}), PNG line and scatter plots ({@link
 * dev.nla.bench.report.LinePlot}, XChart, headless) and a small JSON writer and reader ({@link
 * dev.nla.bench.report.Json}) for manifests and JMH results. All text files are UTF-8.
 */
package dev.nla.bench.report;
