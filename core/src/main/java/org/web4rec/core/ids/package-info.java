/**
 * External ids, once: the rule that decides when two ids a user sends are the same ({@link
 * org.web4rec.core.ids.ExternalId}) and the dictionary that maps them to the dense indices every
 * computation works on ({@link org.web4rec.core.ids.IdDictionary}). Ingest, analysis and re-rank
 * requests all compare ids through these, so an id matches wherever it is given.
 */
package org.web4rec.core.ids;
