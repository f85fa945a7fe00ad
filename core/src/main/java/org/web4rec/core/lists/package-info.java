/**
 * Prepared candidate lists C_u: the uploaded recommendations of one experiment with each user's
 * train items removed, ordered by the rules of METRICS.md ("Preparing lists") and cut to the
 * number of candidates kept. Every metric and re-ranker reads lists from here, so the ordering rules
 * (rank, then score descending, then external id with numeric ids compared as numbers) live in one
 * place.
 */
package org.web4rec.core.lists;
