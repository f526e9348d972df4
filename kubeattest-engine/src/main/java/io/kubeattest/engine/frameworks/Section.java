package io.kubeattest.engine.frameworks;

/** A group of controls, as the framework's document numbers it. */
public record Section(String id, String title) {}
