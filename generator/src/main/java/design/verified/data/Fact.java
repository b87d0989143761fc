package design.verified.data;

import design.verified.discover.Program;

/** A named value that pages quote, with the program that computed it. Value: a Long, Double or String. */
public record Fact(String id, Object value, Program origin) {
}
