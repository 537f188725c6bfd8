package com.acme.analytics.web.alerts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An edited rule keeps its webhook's secret only for the same receiver. */
class StoredSecretsTest {

    private static final String STORED = "{\"name\":\"a\",\"channels\":[{\"type\":\"dashboard\"},"
            + "{\"type\":\"webhook\",\"url\":\"https://hooks.example.com/a\",\"secret\":\"0123456789abcdef\"}]}";

    @Test
    void aWebhookWithoutASecretKeepsTheStoredOneOfTheSameUrl() {
        String kept = StoredSecrets.kept("{\"name\":\"b\",\"channels\":[{\"type\":\"webhook\","
                + "\"url\":\"https://hooks.example.com/a\"}]}", STORED);
        assertEquals("{\"name\":\"b\",\"channels\":[{\"type\":\"webhook\",\"url\":\"https://hooks.example.com/a\","
                + "\"secret\":\"0123456789abcdef\"}]}", kept);
    }

    @Test
    void aNewUrlOrAGivenSecretGetsNothingOfTheStoredOne() {
        String moved = "{\"channels\":[{\"type\":\"webhook\",\"url\":\"https://elsewhere.example.com/a\"}]}";
        assertEquals(moved, StoredSecrets.kept(moved, STORED));
        String given = "{\"channels\":[{\"type\":\"webhook\",\"url\":\"https://hooks.example.com/a\","
                + "\"secret\":\"another-secret-16ch\"}]}";
        assertEquals(given, StoredSecrets.kept(given, STORED));
    }

    @Test
    void whatIsNoRuleIsLeftForTheValidationToRefuse() {
        assertEquals("not json", StoredSecrets.kept("not json", STORED));
        assertEquals("[1]", StoredSecrets.kept("[1]", STORED));
        assertEquals("{\"channels\":3}", StoredSecrets.kept("{\"channels\":3}", STORED));
    }
}
