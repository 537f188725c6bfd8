package com.acme.analytics.ingest.simulator;

import java.util.random.RandomGenerator;

/** Ids drawn from the generator's random source, so that a seeded generator repeats itself exactly. */
final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {
    }

    static String of(RandomGenerator random, String prefix, int length) {
        StringBuilder b = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
