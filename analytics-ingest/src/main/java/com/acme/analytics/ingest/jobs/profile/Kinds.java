package com.acme.analytics.ingest.jobs.profile;

/**
 * What a single value could be, as a bit mask of the types it fits: an integer fits decimal too, a date fits
 * datetime. Only ISO 8601 dates and datetimes are recognised; booleans are true/false/yes/no in any case. Hand-written
 * scanners because a parse that throws on every text value would cost more than the whole rest of the pass.
 */
final class Kinds {

    static final int BOOLEAN = 1;
    static final int INTEGER = 2;
    static final int DECIMAL = 4;
    static final int DATE = 8;
    static final int DATETIME = 16;
    static final int ANY = BOOLEAN | INTEGER | DECIMAL | DATE | DATETIME;

    private static final int[] DATE_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9};

    private Kinds() {
    }

    /**
     * Dispatches on the first character, so that each value meets at most the scanners it could fit: numbers
     * scanned once for integer and decimal together, dates only after a digit, booleans only when five characters
     * or shorter (the number scanners were a fifth of the profile pass, bench/jobs' JFR).
     */
    static int of(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        char first = s.charAt(0);
        if (digit(first)) {
            int number = number(s);
            if (number != 0) {
                return number;
            }
            if (isDate(s, 0) && s.length() == 10) {
                return DATE | DATETIME;
            }
            return isDateTime(s) ? DATETIME : 0;
        }
        if (first == '-' || first == '+' || first == '.') {
            return number(s);
        }
        return s.length() <= 5 && isBoolean(s) ? BOOLEAN : 0;
    }

    /** The most specific type of a mask: what every value seen so far fits. */
    static String typeOf(int mask) {
        if ((mask & BOOLEAN) != 0) {
            return "boolean";
        }
        if ((mask & INTEGER) != 0) {
            return "integer";
        }
        if ((mask & DECIMAL) != 0) {
            return "decimal";
        }
        if ((mask & DATE) != 0) {
            return "date";
        }
        return (mask & DATETIME) != 0 ? "datetime" : "text";
    }

    private static boolean isBoolean(String s) {
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") || s.equalsIgnoreCase("yes")
                || s.equalsIgnoreCase("no");
    }

    /**
     * INTEGER | DECIMAL for an optional sign and 1 to 18 digits (beyond, a long may overflow: an identifier more
     * than a quantity), DECIMAL for a decimal with optional fraction and exponent, else 0.
     */
    private static int number(String s) {
        int i = sign(s);
        int mantissa = 0;
        while (i < s.length() && digit(s.charAt(i))) {
            i++;
            mantissa++;
        }
        if (i == s.length()) {
            return mantissa == 0 ? 0 : mantissa <= 18 ? INTEGER | DECIMAL : DECIMAL;
        }
        if (s.charAt(i) == '.') {
            i++;
            while (i < s.length() && digit(s.charAt(i))) {
                i++;
                mantissa++;
            }
        }
        if (mantissa == 0) {
            return 0;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < s.length() && digit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return 0;
            }
        }
        return i == s.length() ? DECIMAL : 0;
    }

    /** yyyy-mm-dd at {@code from}, month and day in range. */
    private static boolean isDate(String s, int from) {
        if (s.length() < from + 10 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-') {
            return false;
        }
        for (int i : DATE_DIGITS) {
            if (!digit(s.charAt(from + i))) {
                return false;
            }
        }
        int month = (s.charAt(from + 5) - '0') * 10 + s.charAt(from + 6) - '0';
        int day = (s.charAt(from + 8) - '0') * 10 + s.charAt(from + 9) - '0';
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /** yyyy-mm-dd[T ]hh:mm[:ss[.fraction]][Z|±hh[:]mm]. */
    private static boolean isDateTime(String s) {
        if (!isDate(s, 0) || s.length() < 16 || (s.charAt(10) != 'T' && s.charAt(10) != ' ')) {
            return false;
        }
        if (!twoDigits(s, 11, 23) || s.charAt(13) != ':' || !twoDigits(s, 14, 59)) {
            return false;
        }
        int i = 16;
        if (i < s.length() && s.charAt(i) == ':') {
            if (!twoDigits(s, i + 1, 60)) {
                return false;
            }
            i += 3;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int start = i;
                while (i < s.length() && digit(s.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return false;
                }
            }
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) == 'Z') {
            return i + 1 == s.length();
        }
        if (s.charAt(i) != '+' && s.charAt(i) != '-') {
            return false;
        }
        String zone = s.substring(i + 1).replace(":", "");
        return zone.length() == 4 && twoDigits(zone, 0, 23) && twoDigits(zone, 2, 59);
    }

    private static boolean twoDigits(String s, int at, int max) {
        return s.length() >= at + 2 && digit(s.charAt(at)) && digit(s.charAt(at + 1))
                && (s.charAt(at) - '0') * 10 + s.charAt(at + 1) - '0' <= max;
    }

    private static int sign(String s) {
        return !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
