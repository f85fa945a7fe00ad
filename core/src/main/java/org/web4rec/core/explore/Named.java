package org.web4rec.core.explore;

/** A ready experiment's name with its lists or per-user metric table. */
public record Named<T>(String name, T value) {}
