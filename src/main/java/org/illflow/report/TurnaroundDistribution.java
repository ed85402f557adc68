package org.illflow.report;

import java.time.LocalDate;

/**
 * Filled requests by turnaround in days. Bucket i holds those under {@code bounds[i]} days and at least
 * {@code bounds[i-1]}; the last bucket (index {@code bounds.length}) those of {@code bounds[last]} days or more.
 */
public record TurnaroundDistribution(LocalDate from, LocalDate to, int[] bounds, long[] counts) {
}
