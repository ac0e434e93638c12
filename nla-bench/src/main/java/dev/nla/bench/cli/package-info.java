/**
 * The {@code nla} command line (picocli): {@code info}, {@code list}, {@code bench} and {@code
 * reproduce}. {@link dev.nla.bench.cli.Main} is the jar's entry point; exit codes are 0 (success), 1
 * (failure) and 2 (usage error). See {@code docs/cli.md}.
 */
package dev.nla.bench.cli;
